/**
 * `npm run bench`: runs the benchmarks on this machine and writes bench/results.md.
 * Targets are checked by reading the results, never by a timed unit test.
 * BENCH_ONLY=reader or BENCH_ONLY=ingest runs one part and keeps the other's last results.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runIngestBenchmark } from './ingest-and-query';
import { runReaderBenchmark } from './reader-memory';

const output = path.join(import.meta.dirname, 'results.md');
const only = process.env.BENCH_ONLY;

/** A section's name: its heading up to a colon, so each size's latest run is kept beside the others. */
const sectionKey = (section: string) => section.split('\n')[0]!.replace(/^## /, '').split(':')[0]!.trim();

const previous = existsSync(output) ? readFileSync(output, 'utf8').split(/\n(?=## )/).slice(1) : [];
const fresh: string[] = [];
if (!only || only === 'reader') fresh.push(await runReaderBenchmark());
if (!only || only === 'ingest') fresh.push(await runIngestBenchmark());
const freshKeys = new Set(fresh.map(sectionKey));
const sections = [...previous.filter((section) => !freshKeys.has(sectionKey(section))), ...fresh].sort((a, b) =>
  sectionKey(a).localeCompare(sectionKey(b)),
);

const header = [
  '# Benchmark results',
  '',
  `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), ${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB, Node ${process.version}.`,
  '',
].join('\n');
const text = `${header}\n${sections.map((section) => section.trim()).join('\n\n')}\n`;
writeFileSync(output, text);
console.log(`${text}\nwritten to ${output}`);
