import { opendir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { LogFile } from './log-file';

export class TooManyFilesError extends Error {
  constructor(maxFiles: number) {
    super(`more files than a dataset may hold (TRAILSCOPE_MAX_FILES_PER_DATASET allows ${maxFiles} more)`);
  }
}

/**
 * Every regular file under `root` (or `root` itself), named relative to the folder it was found in
 * and sorted by name, so that an S3 delivery tree is read in delivery order. The folder is walked
 * entry by entry, and the walk stops as soon as it finds more than `maxFiles` files.
 */
export async function collectFiles(root: string, maxFiles = Infinity): Promise<LogFile[]> {
  const info = await stat(root);
  if (info.isFile()) return [{ path: root, name: path.basename(root), size: info.size }];
  const base = path.dirname(root);
  const files: LogFile[] = [];
  for await (const entry of await opendir(root, { recursive: true })) {
    if (!entry.isFile()) continue;
    if (files.length >= maxFiles) throw new TooManyFilesError(maxFiles);
    const full = path.join(entry.parentPath, entry.name);
    files.push({ path: full, name: path.relative(base, full), size: (await stat(full)).size });
  }
  return files.sort((a, b) => a.name.localeCompare(b.name));
}
