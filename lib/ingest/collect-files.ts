import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { LogFile } from './log-file';

export class TooManyFilesError extends Error {
  constructor(maxFiles: number) {
    super(`more files than a dataset may hold (TRAILSCOPE_MAX_FILES_PER_DATASET allows ${maxFiles} more)`);
  }
}

/**
 * Every regular file under `root` (or `root` itself), named relative to the folder it was found in
 * and sorted by name, so that an S3 delivery tree is read in delivery order. More than `maxFiles`
 * files are refused before any is looked at.
 */
export async function collectFiles(root: string, maxFiles = Infinity): Promise<LogFile[]> {
  const info = await stat(root);
  if (info.isFile()) return [{ path: root, name: path.basename(root), size: info.size }];
  const base = path.dirname(root);
  // (Node 20's recursive opendir skips entries of deep trees, so the listing is read whole.)
  const found = (await readdir(root, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
  if (found.length > maxFiles) throw new TooManyFilesError(maxFiles);
  const files: LogFile[] = [];
  for (const entry of found) {
    const full = path.join(entry.parentPath, entry.name);
    files.push({ path: full, name: path.relative(base, full), size: (await stat(full)).size });
  }
  return files.sort((a, b) => a.name.localeCompare(b.name));
}
