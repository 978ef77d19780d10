import { serverConfig } from '@/lib/config';
import { type ReadItem, type ReadLimits, readLog } from '@/lib/cloudtrail/read-log';
import { withConnection } from '@/lib/store/database';
import { type DatasetCounters, saveCounters, setDatasetStatus } from '@/lib/store/datasets';
import { EventWriter } from '@/lib/store/event-writer';
import { type Problem, addProblems } from '@/lib/store/problems';
import { removeDuplicateEvents } from '@/lib/store/remove-duplicates';
import type { LogFile } from './log-file';
import { logInputs } from './log-inputs';

const SAVE_EVERY_MS = 500;
const FLUSH_EVERY_EVENTS = 5000;

// Jobs started by one bundle (start-up ingest) must be visible to another (the routes).
const JOBS = Symbol.for('trailscope.ingest.jobs');
const registry = globalThis as typeof globalThis & { [JOBS]?: Map<string, Promise<void>> };

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
async function* readFile(file: LogFile, limits: ReadLimits): AsyncGenerator<ReadItem> {
  try {
    for await (const input of logInputs(file, limits.maxDecompressedBytes)) {
      if ('error' in input) yield { type: 'file-error', file: input.name, message: input.error };
      else yield* readLog(input.name, input.chunks, limits);
    }
  } catch (error) {
    yield { type: 'file-error', file: file.name, message: `${file.name}: ${error instanceof Error ? error.message : error}` };
  }
}

/** Reads `files` into the dataset, then removes duplicates and marks it ready (or failed). */
async function ingest(datasetId: string, files: LogFile[]): Promise<void> {
  const config = serverConfig();
  const limits = { maxDecompressedBytes: config.maxDecompressedBytes, maxRecordChars: config.maxRecordChars };
  const counters: DatasetCounters = {
    filesTotal: files.length,
    filesDone: 0,
    filesSkipped: 0,
    filesFailed: 0,
    bytesTotal: files.reduce((sum, file) => sum + file.size, 0),
    bytesDone: 0,
    recordsSeen: 0,
    duplicates: 0,
    quarantined: 0,
  };
  await saveCounters(datasetId, counters);
  let lastSave = Date.now();

  await withConnection(async (connection) => {
    const writer = await EventWriter.open(connection, datasetId);
    try {
      let unflushed = 0;
      for (const file of files) {
        const problems: Problem[] = [];
        for await (const item of readFile(file, limits)) {
          if (item.type === 'event') {
            writer.write(item.event);
            counters.recordsSeen++;
            if (++unflushed >= FLUSH_EVERY_EVENTS) {
              writer.flush();
              unflushed = 0;
            }
            continue;
          }
          problems.push(problemOf(item));
          if (item.type === 'quarantined') {
            counters.recordsSeen++;
            counters.quarantined++;
          } else if (item.type === 'skipped') counters.filesSkipped++;
          else counters.filesFailed++;
        }
        writer.flush();
        unflushed = 0;
        await addProblems(datasetId, problems);
        counters.filesDone++;
        counters.bytesDone += file.size;
        if (Date.now() - lastSave >= SAVE_EVERY_MS) {
          await saveCounters(datasetId, counters);
          lastSave = Date.now();
        }
      }
    } finally {
      writer.close();
    }
  });

  counters.duplicates = await removeDuplicateEvents(datasetId);
  await saveCounters(datasetId, counters);
  await setDatasetStatus(datasetId, 'ready');
}

/** Starts ingesting in the background; failures end up in the dataset's status, never thrown. */
export function startIngest(datasetId: string, files: LogFile[]): Promise<void> {
  const jobs = (registry[JOBS] ??= new Map());
  const job = ingest(datasetId, files)
    .catch(async (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      await setDatasetStatus(datasetId, 'failed', message).catch(() => undefined);
    })
    .finally(() => jobs.delete(datasetId));
  jobs.set(datasetId, job);
  return job;
}
