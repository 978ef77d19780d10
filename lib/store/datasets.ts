import { randomBytes } from 'node:crypto';
import { withConnection } from './database';
import { type Row, readRows } from './rows';

export type DatasetStatus = 'ingesting' | 'ready' | 'failed' | 'cancelled';

export interface DatasetProgress {
  filesTotal: number;
  filesDone: number;
  bytesTotal: number;
  bytesDone: number;
  recordsSeen: number;
  /** When the latest reading began, ISO UTC. */
  startedAt: string | null;
  recordsPerSecond: number | null;
  /** Seconds left at the current byte rate, while reading. */
  etaSeconds: number | null;
}

export interface Dataset {
  id: string;
  name: string;
  createdAt: string;
  status: DatasetStatus;
  isSample: boolean;
  source: string;
  error: string | null;
  progress: DatasetProgress;
  stats: {
    records: number;
    duplicates: number;
    quarantined: number;
    repaired: number;
    skippedFiles: number;
    failedFiles: number;
  };
  timeRange: { from: string | null; to: string | null };
}

const DATASET_COLUMNS = `
  d.*, iso_utc(d.created_at) AS created_iso,
  iso_utc(d.ingest_started_at) AS started_iso,
  epoch(now()::TIMESTAMP) - epoch(d.ingest_started_at) AS elapsed_seconds,
  iso_utc(d.time_from) AS time_from_iso,
  iso_utc(d.time_to) AS time_to_iso`;

function progressOf(row: Row): DatasetProgress {
  const n = (key: string) => Number(row[key] ?? 0);
  const elapsed = row.elapsed_seconds === null ? null : Number(row.elapsed_seconds);
  const reading = row.status === 'ingesting' && elapsed !== null && elapsed > 0;
  const byteRate = reading ? n('bytes_done') / elapsed : 0;
  return {
    filesTotal: n('files_total'),
    filesDone: n('files_done'),
    bytesTotal: n('bytes_total'),
    bytesDone: n('bytes_done'),
    recordsSeen: n('records_seen'),
    startedAt: (row.started_iso as string | null) ?? null,
    recordsPerSecond: reading ? Math.round(n('records_seen') / elapsed) : null,
    etaSeconds: reading && byteRate > 0 ? Math.max(0, Math.round((n('bytes_total') - n('bytes_done')) / byteRate)) : null,
  };
}

function toDataset(row: Row): Dataset {
  const n = (key: string) => Number(row[key] ?? 0);
  return {
    id: String(row.id),
    name: String(row.name),
    createdAt: String(row.created_iso),
    status: row.status as DatasetStatus,
    isSample: row.is_sample === true,
    source: String(row.source),
    error: row.error === null ? null : String(row.error),
    progress: progressOf(row),
    stats: {
      records: n('records'),
      duplicates: n('duplicates'),
      quarantined: n('quarantined'),
      repaired: n('repaired'),
      skippedFiles: n('files_skipped'),
      failedFiles: n('files_failed'),
    },
    timeRange: { from: (row.time_from_iso as string | null) ?? null, to: (row.time_to_iso as string | null) ?? null },
  };
}

/** A new, empty dataset with an unguessable 128-bit ID. */
export async function createDataset(fields: { name: string; source: string; isSample?: boolean }): Promise<string> {
  const id = randomBytes(16).toString('base64url');
  await withConnection((connection) =>
    connection.run(
      `INSERT INTO datasets (id, name, created_at, status, is_sample, source) VALUES (?, ?, now()::TIMESTAMP, 'ingesting', ?, ?)`,
      [id, fields.name, fields.isSample ?? false, fields.source],
    ),
  );
  return id;
}

export async function renameDataset(id: string, name: string, source: string): Promise<void> {
  await withConnection((connection) => connection.run('UPDATE datasets SET name = ?, source = ? WHERE id = ?', [name, source, id]));
}

export async function getDataset(id: string): Promise<Dataset | null> {
  const rows = await withConnection((connection) =>
    readRows(connection, `SELECT ${DATASET_COLUMNS} FROM datasets d WHERE d.id = ?`, [id]),
  );
  return rows[0] ? toDataset(rows[0]) : null;
}

export async function listDatasets(): Promise<Dataset[]> {
  const rows = await withConnection((connection) =>
    readRows(connection, `SELECT ${DATASET_COLUMNS} FROM datasets d ORDER BY d.is_sample DESC, d.created_at DESC`),
  );
  return rows.map(toDataset);
}

export async function findSampleDataset(): Promise<{ id: string; status: DatasetStatus } | null> {
  const rows = await withConnection((connection) =>
    readRows(connection, `SELECT id, status FROM datasets WHERE is_sample ORDER BY created_at DESC LIMIT 1`),
  );
  return rows[0] ? { id: String(rows[0].id), status: rows[0].status as DatasetStatus } : null;
}

export interface DatasetCounters {
  filesTotal: number;
  filesDone: number;
  filesSkipped: number;
  filesFailed: number;
  bytesTotal: number;
  bytesDone: number;
  recordsSeen: number;
  duplicates: number;
  quarantined: number;
}

export async function getCounters(id: string): Promise<DatasetCounters> {
  const [row] = await withConnection((connection) => readRows(connection, 'SELECT * FROM datasets WHERE id = ?', [id]));
  if (!row) throw new Error(`no dataset ${id}`);
  const n = (key: string) => Number(row[key] ?? 0);
  return {
    filesTotal: n('files_total'),
    filesDone: n('files_done'),
    filesSkipped: n('files_skipped'),
    filesFailed: n('files_failed'),
    bytesTotal: n('bytes_total'),
    bytesDone: n('bytes_done'),
    recordsSeen: n('records_seen'),
    duplicates: n('duplicates'),
    quarantined: n('quarantined'),
  };
}

/** Marks the start of a (further) reading of files into the dataset. */
export async function markIngesting(id: string): Promise<void> {
  await withConnection(async (connection) => {
    await connection.run(`UPDATE datasets SET status = 'ingesting', error = NULL, ingest_started_at = now()::TIMESTAMP WHERE id = ?`, [id]);
    // The kept summary no longer covers the dataset once more files come in.
    await connection.run('DELETE FROM dataset_summaries WHERE dataset_id = ?', [id]);
  });
}

/**
 * Datasets left 'ingesting' by a server that stopped mid-way: they say so, and count what was
 * committed (records read but not yet saved are gone, so the counts reconcile again). Adding the
 * same files once more finishes the reading; the records already held become duplicates.
 */
export async function markInterrupted(): Promise<number> {
  return withConnection(async (connection) => {
    const ids = (await readRows(connection, `SELECT id FROM datasets WHERE status = 'ingesting'`)).map((row) => String(row.id));
    for (const id of ids) {
      await connection.run(
        `UPDATE datasets SET
           records = (SELECT count(*) FROM events WHERE dataset_id = $id),
           repaired = (SELECT count(*) FILTER (WHERE repaired) FROM events WHERE dataset_id = $id),
           time_from = (SELECT min(event_time) FROM events WHERE dataset_id = $id),
           time_to = (SELECT max(event_time) FROM events WHERE dataset_id = $id),
           quarantined = (SELECT count(*) FROM problems WHERE dataset_id = $id AND kind = 'quarantined')
         WHERE id = $id`,
        { id },
      );
      await connection.run(
        `UPDATE datasets SET status = 'failed', records_seen = records + duplicates + quarantined,
           error = 'interrupted: the server stopped while reading; the ' || records || ' events saved before that are kept. Add the same files again to finish: records already held count as duplicates.'
         WHERE id = $id`,
        { id },
      );
    }
    return ids.length;
  });
}

export async function saveCounters(id: string, counters: DatasetCounters): Promise<void> {
  await withConnection((connection) =>
    connection.run(
      `UPDATE datasets SET files_total = ?, files_done = ?, files_skipped = ?, files_failed = ?, bytes_total = ?,
         bytes_done = ?, records_seen = ?, duplicates = ?, quarantined = ? WHERE id = ?`,
      [
        counters.filesTotal,
        counters.filesDone,
        counters.filesSkipped,
        counters.filesFailed,
        counters.bytesTotal,
        counters.bytesDone,
        counters.recordsSeen,
        counters.duplicates,
        counters.quarantined,
        id,
      ],
    ),
  );
}

/** Counts the dataset's events, repairs and time span once, after a reading. */
export async function refreshStats(id: string): Promise<void> {
  await withConnection((connection) =>
    connection.run(
      `UPDATE datasets SET records = counted.n, repaired = counted.r, time_from = counted.first, time_to = counted.last
         FROM (SELECT count(*) AS n, count(*) FILTER (WHERE repaired) AS r, min(event_time) AS first, max(event_time) AS last
                 FROM events WHERE dataset_id = ?) AS counted
        WHERE id = ?`,
      [id, id],
    ),
  );
}

export async function setDatasetStatus(id: string, status: DatasetStatus, error: string | null = null): Promise<void> {
  await withConnection((connection) =>
    connection.run(`UPDATE datasets SET status = ?, error = ? WHERE id = ?`, [status, error, id]),
  );
}

export async function deleteDataset(id: string): Promise<boolean> {
  return withConnection(async (connection) => {
    await connection.run('BEGIN');
    await connection.run('DELETE FROM events WHERE dataset_id = ?', [id]);
    await connection.run('DELETE FROM problems WHERE dataset_id = ?', [id]);
    await connection.run('DELETE FROM short_links WHERE dataset_id = ?', [id]);
    await connection.run('DELETE FROM dataset_summaries WHERE dataset_id = ?', [id]);
    const result = await connection.run('DELETE FROM datasets WHERE id = ?', [id]);
    await connection.run('COMMIT');
    return result.rowsChanged > 0;
  });
}
