import { writeFile, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { serverConfig } from '@/lib/config';
import { createDataset, deleteDataset, renameDataset } from '@/lib/store/datasets';
import { collectFiles } from './collect-files';
import { startIngest } from './ingest-job';
import type { LogFile } from './log-file';
import { resolveInsideRoots } from './log-roots';
import { receiveUpload } from './receive-upload';

function uploadDirectory(datasetId: string): string {
  return path.join(serverConfig().dataDir, 'uploads', datasetId);
}

function describeFiles(files: LogFile[]): string {
  const first = files[0]?.name.split('/')[0] ?? 'empty upload';
  return files.length > 1 && !files.every((file) => file.name.startsWith(`${first}/`))
    ? `${first} and ${files.length - 1} more`
    : first;
}

/** Spools a multipart upload to disk, then ingests it in the background. */
export async function ingestUpload(request: Request): Promise<string> {
  const id = await createDataset({ name: 'upload', source: 'upload' });
  try {
    const { files, fields } = await receiveUpload(request, uploadDirectory(id), serverConfig().maxUploadBytes);
    await renameDataset(id, fields.name?.trim() || describeFiles(files), `upload: ${describeFiles(files)}`);
    void startIngest(id, files);
    return id;
  } catch (error) {
    await discardDataset(id);
    throw error;
  }
}

/** Creates a dataset for files already on disk and ingests them in the background. */
export async function ingestFiles(
  files: LogFile[],
  fields: { name: string; source: string; isSample?: boolean },
): Promise<{ id: string; done: Promise<void> }> {
  const id = await createDataset(fields);
  return { id, done: startIngest(id, files) };
}

/** Ingests a file or folder the server may read: inside TRAILSCOPE_LOG_ROOTS unless `trusted` (the operator's own command line). */
export async function ingestServerPath(
  requested: string,
  options: { trusted?: boolean; name?: string } = {},
): Promise<{ id: string; done: Promise<void> }> {
  const resolved = options.trusted ? path.resolve(requested) : await resolveInsideRoots(requested, serverConfig().logRoots);
  const files = await collectFiles(resolved);
  return ingestFiles(files, { name: options.name ?? path.basename(resolved), source: resolved });
}

/** Ingests pasted text, kept on disk like an upload. */
export async function ingestText(text: string, name = 'pasted text'): Promise<string> {
  const id = await createDataset({ name, source: 'pasted text' });
  const directory = uploadDirectory(id);
  await mkdir(directory, { recursive: true });
  const file: LogFile = { path: path.join(directory, '0'), name, size: Buffer.byteLength(text) };
  await writeFile(file.path, text);
  void startIngest(id, [file]);
  return id;
}

/** Deletes a dataset with everything kept for it: its events, problems and uploaded files. */
export async function discardDataset(id: string): Promise<boolean> {
  const existed = await deleteDataset(id);
  await rm(uploadDirectory(id), { recursive: true, force: true });
  return existed;
}
