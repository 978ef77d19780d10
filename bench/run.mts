/**
 * `npm run bench`: runs every benchmark on this machine and writes bench/results.md.
 * Targets are checked by reading the results, never by a timed unit test.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runReaderBenchmark } from './reader-memory';

const sections = [await runReaderBenchmark()];
const header = [
  '# Benchmark results',
  '',
  `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), ${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB, Node ${process.version}.`,
  '',
];
const output = path.join(import.meta.dirname, 'results.md');
writeFileSync(output, `${[...header, ...sections].join('\n')}\n`);
console.log(`${[...header, ...sections].join('\n')}\n\nwritten to ${output}`);
