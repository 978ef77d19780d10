import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { LogFile } from './log-file';

/**
 * Every regular file under `root` (or `root` itself), named relative to the folder it was found in
 * and sorted by name, so that an S3 delivery tree is read in delivery order.
 */
export async function collectFiles(root: string): Promise<LogFile[]> {
  const info = await stat(root);
  if (info.isFile()) return [{ path: root, name: path.basename(root), size: info.size }];
  const base = path.dirname(root);
  const files: LogFile[] = [];
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files.push({ path: full, name: path.relative(base, full), size: (await stat(full)).size });
  }
  return files.sort((a, b) => a.name.localeCompare(b.name));
}
