/**
 * The ingest baseline: plain gunzip + JSON.parse of every corpus file, on all cores (one worker
 * thread per core), doing nothing with the records. No real ingester can beat it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const { gunzipSync } = require('node:zlib');
let records = 0;
for (const file of workerData) records += JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')).Records.length;
parentPort.postMessage(records);
`;

export function corpusFiles(directory: string): string[] {
  return readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json.gz'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

export async function measureBaseline(directory: string): Promise<{ seconds: number; records: number; threads: number }> {
  const files = corpusFiles(directory);
  const threads = os.cpus().length;
  const shares = Array.from({ length: threads }, (_, share) => files.filter((_, index) => index % threads === share));
  // Warm the page cache so the baseline and the ingest read the same way.
  for (const file of files) readFileSync(file);
  const started = performance.now();
  const counts = await Promise.all(
    shares.map(
      (share) =>
        new Promise<number>((resolve, reject) => {
          const worker = new Worker(WORKER, { eval: true, workerData: share });
          worker.once('message', resolve);
          worker.once('error', reject);
        }),
    ),
  );
  return { seconds: (performance.now() - started) / 1000, records: counts.reduce((sum, n) => sum + n, 0), threads };
}
