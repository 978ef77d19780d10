/**
 * Reader memory and speed: streams a large JSON Lines input and a large single `{"Records":[...]}`
 * file through the reader, generated on the fly so no disk is needed, and records peak RSS growth
 * against the RSS before each run. A plain split-and-JSON.parse pass over the same bytes is the
 * speed baseline, measured in the same process.
 *
 * Sizes: BENCH_JSONL_MB (default 1024) and BENCH_RECORDS_MB (default 500).
 */
import { readLog } from '@/lib/cloudtrail/read-log';
import { random, syntheticRecord } from './synthetic-records';

const MB = 1024 * 1024;
const CHUNK = MB;

const POOL_SIZE = 4096;
let pool: string[] | null = null;

/** Serialized records to cycle through, made once, so that generating input costs next to nothing. */
function recordPool(): string[] {
  if (!pool) {
    const next = random(42);
    pool = Array.from({ length: POOL_SIZE }, (_, index) => JSON.stringify(syntheticRecord(next, index)));
  }
  return pool;
}

/** Bytes of a JSON Lines file, or of one Records envelope, of about `totalBytes`, in 1 MB chunks. */
async function* generate(form: 'jsonl' | 'records', totalBytes: number): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  const records = recordPool();
  let produced = 0;
  let index = 0;
  let pending = form === 'records' ? '{"Records":[' : '';
  while (produced + pending.length < totalBytes) {
    const json = records[index % POOL_SIZE]!;
    pending += form === 'records' ? (index === 0 ? json : `,${json}`) : `${json}\n`;
    index++;
    if (pending.length >= CHUNK) {
      produced += pending.length;
      yield encoder.encode(pending);
      pending = '';
    }
  }
  yield encoder.encode(form === 'records' ? `${pending}]}` : pending);
}

function watchPeakRss(): { stop: () => number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage().rss);
    },
  };
}

async function settle(): Promise<number> {
  globalThis.gc?.();
  await new Promise((resolve) => setTimeout(resolve, 200));
  return process.memoryUsage().rss;
}

export interface ReaderRun {
  form: 'jsonl' | 'records';
  megabytes: number;
  events: number;
  problems: string[];
  seconds: number;
  peakGrowthMb: number;
}

async function measureReader(form: 'jsonl' | 'records', megabytes: number): Promise<ReaderRun> {
  const before = await settle();
  const watch = watchPeakRss();
  const started = performance.now();
  let events = 0;
  const problems: string[] = [];
  for await (const batch of readLog(`bench.${form}`, generate(form, megabytes * MB))) {
    for (const item of batch) {
      if (item.type === 'event') events++;
      else problems.push(item.type === 'file-error' ? item.message : item.reason);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  return { form, megabytes, events, problems, seconds, peakGrowthMb: (watch.stop() - before) / MB };
}

/** The baseline: the same JSON Lines bytes, split on newlines and JSON.parse'd, nothing more. */
async function measureBaseline(megabytes: number): Promise<{ seconds: number; records: number }> {
  const decoder = new TextDecoder();
  const started = performance.now();
  let records = 0;
  let rest = '';
  for await (const chunk of generate('jsonl', megabytes * MB)) {
    const lines = (rest + decoder.decode(chunk, { stream: true })).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) if (line) records += JSON.parse(line) ? 1 : 0;
  }
  return { seconds: (performance.now() - started) / 1000, records };
}

export async function runReaderBenchmark(): Promise<string> {
  const jsonlMb = Number(process.env.BENCH_JSONL_MB ?? 1024);
  const recordsMb = Number(process.env.BENCH_RECORDS_MB ?? 500);
  recordPool();
  const baseline = await measureBaseline(Math.min(jsonlMb, 256));
  const jsonl = await measureReader('jsonl', jsonlMb);
  const records = await measureReader('records', recordsMb);
  const baselineRate = Math.min(jsonlMb, 256) / baseline.seconds;
  const row = (run: ReaderRun) =>
    `| ${run.form === 'jsonl' ? 'JSON Lines' : 'one {"Records":[...]} file'} | ${run.megabytes} MB | ${run.events.toLocaleString('en-US')} | ${run.problems.length ? run.problems.join('; ') : 'none'} | ${run.seconds.toFixed(1)} s | ${(run.megabytes / run.seconds).toFixed(1)} MB/s (${(baselineRate / (run.megabytes / run.seconds)).toFixed(2)}× the baseline's time) | **${run.peakGrowthMb.toFixed(0)} MB** |`;
  return [
    '## Reader: memory stays bounded by the record, not the file',
    '',
    `Target: peak RSS growth under 256 MB for a 1 GB JSON Lines input and a 500 MB single Records file. Baseline: newline split + JSON.parse of the same generated JSON Lines bytes, ${baselineRate.toFixed(1)} MB/s.`,
    '',
    '| input | size | events | problems | time | rate | peak RSS growth |',
    '|---|---|---|---|---|---|---|',
    row(jsonl),
    row(records),
  ].join('\n');
}
