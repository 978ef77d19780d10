import path from 'node:path';

/** Server settings, read from the environment once per use so tests can set them. */
export interface ServerConfig {
  dataDir: string;
  /** Directories the server may read when pointed at a path (after resolving symlinks). */
  logRoots: string[];
  maxUploadBytes: number;
  /** Bytes of a JSON request body (pasted text), which has to be held in memory to be parsed. */
  maxPasteBytes: number;
  maxDecompressedBytes: number;
  /** How many times its compressed size a gzip file or zip entry may expand to (past the first MiB). */
  maxExpansionRatio: number;
  maxRecordChars: number;
  /** Files one dataset may hold, counting every batch added to it. */
  maxFilesPerDataset: number;
  /** S3-compatible endpoints a request may name instead of AWS; none unless the operator lists them. */
  s3Endpoints: string[];
  /** DuckDB's memory limit, in its own notation (e.g. 768MB, 2GB). */
  dbMemoryLimit: string;
}

function positiveNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`);
  return value;
}

export function serverConfig(): ServerConfig {
  // Paths come from the operator's environment at run time, so the bundler must not trace them.
  const cwd = /*turbopackIgnore: true*/ process.cwd();
  const roots = (process.env.TRAILSCOPE_LOG_ROOTS ?? '').split(':').filter(Boolean);
  return {
    dataDir: path.resolve(/*turbopackIgnore: true*/ cwd, process.env.TRAILSCOPE_DATA_DIR || '.trailscope'),
    logRoots: (roots.length ? roots : [path.join(/*turbopackIgnore: true*/ cwd, 'fixtures')]).map((root) =>
      path.resolve(/*turbopackIgnore: true*/ cwd, root),
    ),
    maxUploadBytes: positiveNumber('TRAILSCOPE_MAX_UPLOAD_BYTES', 2 * 1024 ** 3),
    maxPasteBytes: positiveNumber('TRAILSCOPE_MAX_PASTE_BYTES', 64 * 1024 ** 2),
    maxDecompressedBytes: positiveNumber('TRAILSCOPE_MAX_DECOMPRESSED_BYTES', 2 * 1024 ** 3),
    maxExpansionRatio: positiveNumber('TRAILSCOPE_MAX_EXPANSION_RATIO', 200),
    maxRecordChars: positiveNumber('TRAILSCOPE_MAX_RECORD_CHARS', 2 * 1024 ** 2),
    maxFilesPerDataset: positiveNumber('TRAILSCOPE_MAX_FILES_PER_DATASET', 100_000),
    s3Endpoints: (process.env.TRAILSCOPE_S3_ENDPOINTS ?? '').split(/[\s,]+/).filter(Boolean),
    dbMemoryLimit: process.env.TRAILSCOPE_DB_MEMORY || '768MB',
  };
}
