/**
 * `npm run bench`: runs the benchmarks on this machine and writes bench/results.md.
 * Targets are checked by reading the results, never by a timed unit test.
 * BENCH_ONLY=reader or BENCH_ONLY=ingest runs one part.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runIngestBenchmark } from './ingest-and-query';
import { runReaderBenchmark } from './reader-memory';

const only = process.env.BENCH_ONLY;
const sections: string[] = [];
if (!only || only === 'reader') sections.push(await runReaderBenchmark());
if (!only || only === 'ingest') sections.push(await runIngestBenchmark());
const header = [
  '# Benchmark results',
  '',
  `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), ${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB, Node ${process.version}.`,
  '',
];
const text = `${[...header, ...sections].join('\n\n').replace(/\n\n\n/g, '\n\n')}\n`;
const output = path.join(import.meta.dirname, 'results.md');
writeFileSync(output, text);
console.log(`${text}\nwritten to ${output}`);
