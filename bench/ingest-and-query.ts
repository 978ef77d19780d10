/**
 * Ingest speed against two baselines on the same corpus, API latency and server memory at that size.
 * Size: BENCH_EVENTS (default 1,000,000); requests per API call: BENCH_REPEATS (default 40).
 */
import path from 'node:path';
import { measureBaseline } from './baseline-parse';
import { ensureCorpus } from './corpus';
import { measureDuckDbReadJson } from './duckdb-read-json';
import { runServer } from './server-run';

const mark = (ok: boolean) => (ok ? '✅' : '❌');

export async function runIngestBenchmark(): Promise<string> {
  const events = Number(process.env.BENCH_EVENTS ?? 1_000_000);
  const corpus = ensureCorpus(path.join(import.meta.dirname ?? __dirname, 'corpus'), events);
  const baseline = await measureBaseline(corpus.directory);
  const duckdb = await measureDuckDbReadJson(corpus.directory);
  const repeats = Number(process.env.BENCH_REPEATS ?? 40);
  const server = await runServer(corpus.directory, events, repeats);
  const toBaseline = server.ingestSeconds / baseline.seconds;
  const toDuckDb = server.ingestSeconds / duckdb.seconds;
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

  return [
    `## Ingest and query at ${events.toLocaleString('en-US')} events`,
    '',
    `Corpus: ${corpus.files.toLocaleString('en-US')} gzipped Records files in the S3 layout, ${mb(corpus.bytes)} MB (${mb(corpus.uncompressedBytes)} MB of JSON), made by bench/corpus.ts.`,
    '',
    '| run | seconds | records | vs Trailscope |',
    '|---|---|---|---|',
    `| baseline: gunzip + JSON.parse on ${baseline.threads} threads | ${baseline.seconds.toFixed(1)} | ${baseline.records.toLocaleString('en-US')} | Trailscope takes ${toBaseline.toFixed(2)}× (target ≤ 2.0) ${mark(toBaseline <= 2)} |`,
    `| DuckDB read_json into a table | ${duckdb.seconds.toFixed(1)} | ${duckdb.records.toLocaleString('en-US')} | Trailscope takes ${toDuckDb.toFixed(2)}× (target ≤ 0.75) ${mark(toDuckDb <= 0.75)} |`,
    `| **Trailscope: POST {"path"} to ready** | **${server.ingestSeconds.toFixed(1)}** | ${server.records.toLocaleString('en-US')} stored, ${server.duplicates} duplicates | |`,
    '',
    `| API call (${repeats} requests each) | p50 ms | p95 ms | target p95 |`,
    '|---|---|---|---|',
    ...server.latencies.map((latency) => `| ${latency.name} | ${latency.p50.toFixed(0)} | ${latency.p95.toFixed(0)} | ≤ ${latency.target} ${mark(latency.p95 <= latency.target)} |`),
    '',
    `Chromium, the dataset page: first table row on screen after ${server.browser.firstRowP50.toFixed(0)} ms (median of 7; slowest ${server.browser.firstRowMax.toFixed(0)} ms; target ≤ 1,000) ${mark(server.browser.firstRowMax <= 1000)}. Scrolling a 1,000-row page end to end reached row ${server.browser.rowsScrolled.toLocaleString('en-US')} with at most ${server.browser.maxDomRows} rows in the DOM at once.`,
    '',
    `Peak RSS of the server (VmHWM): **${server.peakRssMb.toFixed(0)} MB** (target ≤ 1,536) ${mark(server.peakRssMb <= 1536)}.`,
  ].join('\n');
}
