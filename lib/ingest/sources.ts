import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { serverConfig } from '@/lib/config';
import { createDataset, deleteDataset, renameDataset } from '@/lib/store/datasets';
import { collectFiles } from './collect-files';
import { IngestBusyError, cancelIngest, ingestSettled, isIngesting, startIngest } from './ingest-job';
import type { LogFile } from './log-file';
import { resolveInsideRoots } from './log-roots';
import { receiveUpload } from './receive-upload';
import { downloadS3Prefix, parseS3Uri } from './s3-prefix';

/**
 * Files gathered from one source; `directory` is where a source may keep copies. Most sources
 * gather at once (an upload must be read while the request lasts); a slow one (an S3 download)
 * says what it will be and fetches its files later, in the background job, where it can be cancelled.
 */
export type Gather = (directory: string) => Promise<
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
  return async (directory) => {
    const { files, fields } = await receiveUpload(request, directory, serverConfig().maxUploadBytes);
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
  return async () => {
    const resolved = options.trusted ? path.resolve(requested) : await resolveInsideRoots(requested, serverConfig().logRoots);
    return { files: await collectFiles(resolved), name: options.name ?? path.basename(resolved), source: resolved };
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

/** A new dataset from a source, read in the background; a source that fails leaves nothing behind. */
export async function createDatasetFrom(gather: Gather, options: { isSample?: boolean } = {}): Promise<{ id: string; done: Promise<void> }> {
  const id = await createDataset({ name: 'new dataset', source: 'pending', isSample: options.isSample });
  try {
    const gathered = await gather(batchDirectory(id));
    await renameDataset(id, gathered.name, gathered.source);
    const { done } = await startIngest(id, 'files' in gathered ? gathered.files : gathered.fetch);
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
    const gathered = await gather(directory);
    return await startIngest(id, 'files' in gathered ? gathered.files : gathered.fetch);
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
