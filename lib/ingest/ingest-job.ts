import { rmSync } from 'node:fs';
import path from 'node:path';
import { serverConfig } from '@/lib/config';
import { type ReadItem, type ReadLimits, readLog } from '@/lib/cloudtrail/read-log';
import { withConnection } from '@/lib/store/database';
import { type DatasetCounters, getCounters, markIngesting, refreshStats, saveCounters, setDatasetStatus } from '@/lib/store/datasets';
import { EventLoader } from '@/lib/store/event-loader';
import { keepWholeDatasetSummary } from '@/lib/store/get-summary';
import { type Problem, addProblems } from '@/lib/store/problems';
import { removeDuplicateEvents } from '@/lib/store/remove-duplicates';
import type { LogFile } from './log-file';
import { logInputs } from './log-inputs';

const SAVE_EVERY_MS = 500;

export class IngestBusyError extends Error {}

// Scratch files hold rows on their way into the store, one folder per running job.
const scratchRoot = () => path.join(serverConfig().dataDir, 'scratch');

/** Removes scratch files a stopped server left behind; call before any job starts. */
export function clearIngestScratch(): void {
  rmSync(scratchRoot(), { recursive: true, force: true });
}

// Jobs started by one bundle (start-up ingest) must be visible to another (the routes).
const JOBS = Symbol.for('trailscope.ingest.jobs');
type Job = { done: Promise<void>; abort: AbortController };
const registry = globalThis as typeof globalThis & { [JOBS]?: Map<string, Job> };
const jobs = () => (registry[JOBS] ??= new Map());

function problemOf(item: Exclude<ReadItem, { type: 'event' }>): Problem {
  switch (item.type) {
    case 'quarantined':
      return { kind: 'quarantined', file: item.file, line: item.at.line, column: item.at.column, reason: item.reason, raw: item.raw };
    case 'skipped':
      return { kind: 'skipped', file: item.file, line: null, column: null, reason: item.reason, raw: null };
    case 'file-error':
      return { kind: 'file-error', file: item.file, line: null, column: null, reason: item.message, raw: null };
  }
}

/** Everything the reader makes of one file on disk, archives opened; an unreadable archive is one file error. */
async function* readFile(file: LogFile, limits: ReadLimits, onRead: (bytes: number) => void): AsyncGenerator<ReadItem[]> {
  try {
    for await (const input of logInputs(file, limits.maxDecompressedBytes, onRead)) {
      if ('error' in input) yield [{ type: 'file-error', file: input.name, message: input.error }];
      else yield* readLog(input.name, input.chunks, limits);
    }
  } catch (error) {
    yield [{ type: 'file-error', file: file.name, message: `${file.name}: ${error instanceof Error ? error.message : error}` }];
  }
}

/** Reads `files` into the dataset, adding to what it holds, until done or aborted; then removes duplicates. */
async function ingest(datasetId: string, files: LogFile[], signal: AbortSignal): Promise<void> {
  const config = serverConfig();
  const limits = { maxDecompressedBytes: config.maxDecompressedBytes, maxRecordChars: config.maxRecordChars, maxExpansionRatio: config.maxExpansionRatio };
  const counters: DatasetCounters = await getCounters(datasetId);
  counters.filesTotal += files.length;
  counters.bytesTotal += files.reduce((sum, file) => sum + file.size, 0);
  await saveCounters(datasetId, counters);
  let lastSave = Date.now();
  const saveNowAndThen = async () => {
    if (Date.now() - lastSave < SAVE_EVERY_MS) return;
    lastSave = Date.now();
    await saveCounters(datasetId, counters);
  };

  await withConnection(async (connection) => {
    const loader = new EventLoader(connection, datasetId, path.join(scratchRoot(), datasetId), limits.maxRecordChars);
    try {
      for (const file of files) {
        if (signal.aborted) break;
        const problems: Problem[] = [];
        const bytesBefore = counters.bytesDone;
        for await (const batch of readFile(file, limits, (bytes) => (counters.bytesDone += bytes))) {
          for (const item of batch) {
            if (item.type === 'event') {
              counters.recordsSeen++;
              loader.write(item.event, counters.recordsSeen);
              continue;
            }
            problems.push(problemOf(item));
            if (item.type === 'quarantined') {
              counters.recordsSeen++;
              counters.quarantined++;
            } else if (item.type === 'skipped') counters.filesSkipped++;
            else counters.filesFailed++;
          }
          await loader.settle();
          await saveNowAndThen();
          if (signal.aborted) break;
        }
        await addProblems(datasetId, problems);
        if (signal.aborted) break;
        counters.filesDone++;
        counters.bytesDone = bytesBefore + file.size;
        await saveNowAndThen();
      }
    } finally {
      // Closing loads what is left; on cancel that is what was read so far, which stays.
      await loader.close();
    }
  });

  counters.duplicates += await removeDuplicateEvents(datasetId);
  await saveCounters(datasetId, counters);
  await refreshStats(datasetId);
  await keepWholeDatasetSummary(datasetId);
  await setDatasetStatus(datasetId, signal.aborted ? 'cancelled' : 'ready');
}

/**
 * Reads files into a dataset in the background, adding to what it already holds; failures end up
 * in the dataset's status, never thrown. One job at a time per dataset. `files` may be a function
 * that fetches them first, given the job's abort signal.
 */
export async function startIngest(
  datasetId: string,
  files: LogFile[] | ((signal: AbortSignal) => Promise<LogFile[]>),
): Promise<{ done: Promise<void> }> {
  if (jobs().has(datasetId)) throw new IngestBusyError('this dataset is still reading files; wait or cancel first');
  const abort = new AbortController();
  const marked = markIngesting(datasetId);
  const done = marked
    // Files may still have to be fetched (an S3 download): that runs in the job too, so it can be cancelled.
    .then(async () => ingest(datasetId, typeof files === 'function' ? await files(abort.signal) : files, abort.signal))
    .catch(async (error: unknown) => {
      const message = error instanceof Error ? (error.name && error.name !== 'Error' ? `${error.name}: ${error.message}` : error.message) : String(error);
      // A download stopped by a cancel ends as cancelled, not as a failure.
      await refreshStats(datasetId).catch(() => undefined);
      await setDatasetStatus(datasetId, abort.signal.aborted ? 'cancelled' : 'failed', abort.signal.aborted ? null : message).catch(() => undefined);
    })
    .finally(() => jobs().delete(datasetId));
  jobs().set(datasetId, { done, abort });
  // Whoever started the job may answer at once: the status must already say 'ingesting'.
  await marked;
  return { done };
}

/** Asks a running job to stop after the current batch; what was read so far stays. */
export function cancelIngest(datasetId: string): boolean {
  const job = jobs().get(datasetId);
  job?.abort.abort();
  return job !== undefined;
}

/** Resolves once no job runs for the dataset. */
export async function ingestSettled(datasetId: string): Promise<void> {
  await jobs().get(datasetId)?.done;
}

export function isIngesting(datasetId: string): boolean {
  return jobs().has(datasetId);
}
