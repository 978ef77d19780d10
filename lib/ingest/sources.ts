import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { serverConfig } from '@/lib/config';
import { createDataset, deleteDataset, getCounters, renameDataset } from '@/lib/store/datasets';
import { TooManyFilesError, collectFiles } from './collect-files';
import { IngestBusyError, cancelIngest, ingestSettled, isIngesting, startIngest } from './ingest-job';
import type { LogFile } from './log-file';
import { resolveInsideRoots } from './log-roots';
import { receiveUpload } from './receive-upload';
import { downloadS3Prefix, parseS3Uri } from './s3-prefix';

/**
 * Files gathered from one source; `directory` is where a source may keep copies, `maxFiles` how
 * many files the dataset has room for. Most sources gather at once (an upload must be read while
 * the request lasts); a slow one (an S3 download) says what it will be and fetches its files later,
 * in the background job, where it can be cancelled.
 */
export type Gather = (directory: string, maxFiles: number) => Promise<
  | { files: LogFile[]; name: string; source: string }
  | { fetch: (signal: AbortSignal) => Promise<LogFile[]>; name: string; source: string }
>;

function uploadDirectory(datasetId: string): string {
  return path.join(serverConfig().dataDir, 'uploads', datasetId);
}

/** A fresh folder for one batch of a dataset's files, so later additions never overwrite earlier ones. */
function batchDirectory(datasetId: string): string {
  return path.join(uploadDirectory(datasetId), `${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`);
}

function describeFiles(files: LogFile[]): string {
  const first = files[0]?.name.split('/')[0] ?? 'empty upload';
  return files.length > 1 && !files.every((file) => file.name.startsWith(`${first}/`)) ? `${first} and ${files.length - 1} more` : first;
}

/** A multipart upload, streamed to disk part by part. */
export function uploadSource(request: Request): Gather {
  return async (directory, maxFiles) => {
    const { files, fields } = await receiveUpload(request, directory, serverConfig().maxUploadBytes, maxFiles);
    return { files, name: fields.name?.trim() || describeFiles(files), source: `upload: ${describeFiles(files)}` };
  };
}

/** Pasted text, kept on disk like an upload. */
export function textSource(text: string, name = 'pasted text'): Gather {
  return async (directory) => {
    await mkdir(directory, { recursive: true });
    const file: LogFile = { path: path.join(directory, '0'), name, size: Buffer.byteLength(text) };
    await writeFile(file.path, text);
    return { files: [file], name, source: 'pasted text' };
  };
}

/** A file or folder on the server: inside TRAILSCOPE_LOG_ROOTS unless `trusted` (the operator's own command line). */
export function serverPathSource(requested: string, options: { trusted?: boolean; name?: string } = {}): Gather {
  return async (_directory, maxFiles) => {
    const resolved = options.trusted ? path.resolve(requested) : await resolveInsideRoots(requested, serverConfig().logRoots);
    return { files: await collectFiles(resolved, maxFiles), name: options.name ?? path.basename(resolved), source: resolved };
  };
}

export class EndpointNotAllowedError extends Error {}

/**
 * Every object under an S3 prefix, downloaded first. A custom endpoint must be one the operator
 * listed: the server signs requests with its AWS credentials and must not send them just anywhere.
 */
export function s3Source(uri: string, options: { endpoint?: string; name?: string } = {}): Gather {
  return async (directory) => {
    const { s3Endpoints, maxUploadBytes } = serverConfig();
    if (options.endpoint && !s3Endpoints.includes(options.endpoint)) {
      throw new EndpointNotAllowedError(`the endpoint ${options.endpoint} is not in TRAILSCOPE_S3_ENDPOINTS`);
    }
    parseS3Uri(uri);
    return {
      fetch: (signal) => downloadS3Prefix(uri, directory, { endpoint: options.endpoint, maxBytes: maxUploadBytes, signal }),
      name: options.name ?? uri,
      source: uri,
    };
  };
}

/** Files already on disk, as they are. */
export function filesSource(files: LogFile[], name: string, source: string): Gather {
  return async () => ({ files, name, source });
}

/** What a gathered source hands the job: its files, or how to fetch them, never more than `maxFiles`. */
function filesOf(gathered: Awaited<ReturnType<Gather>>, maxFiles: number) {
  if ('files' in gathered) return gathered.files;
  return async (signal: AbortSignal) => {
    const files = await gathered.fetch(signal);
    if (files.length > maxFiles) throw new TooManyFilesError(maxFiles);
    return files;
  };
}

/** A new dataset from a source, read in the background; a source that fails leaves nothing behind. */
export async function createDatasetFrom(gather: Gather, options: { isSample?: boolean } = {}): Promise<{ id: string; done: Promise<void> }> {
  const id = await createDataset({ name: 'new dataset', source: 'pending', isSample: options.isSample });
  try {
    const { maxFilesPerDataset } = serverConfig();
    const gathered = await gather(batchDirectory(id), maxFilesPerDataset);
    await renameDataset(id, gathered.name, gathered.source);
    const { done } = await startIngest(id, filesOf(gathered, maxFilesPerDataset));
    return { id, done };
  } catch (error) {
    await discardDataset(id);
    throw error;
  }
}

/** More files for an existing dataset; duplicates of what it holds are removed as usual. */
export async function addToDataset(id: string, gather: Gather): Promise<{ done: Promise<void> }> {
  if (isIngesting(id)) throw new IngestBusyError('this dataset is still reading files; wait or cancel first');
  const directory = batchDirectory(id);
  try {
    const room = serverConfig().maxFilesPerDataset - (await getCounters(id)).filesTotal;
    if (room <= 0) throw new TooManyFilesError(0);
    const gathered = await gather(directory, room);
    return await startIngest(id, filesOf(gathered, room));
  } catch (error) {
    await rm(directory, { recursive: true, force: true });
    throw error;
  }
}

/** Deletes a dataset with everything kept for it: its events, problems and uploaded files. */
export async function discardDataset(id: string): Promise<boolean> {
  cancelIngest(id);
  await ingestSettled(id);
  const existed = await deleteDataset(id);
  await rm(uploadDirectory(id), { recursive: true, force: true });
  return existed;
}
