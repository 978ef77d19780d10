import type { Repair } from '@/lib/cloudtrail/repair';
import { withConnection } from './database';
import { readRows } from './rows';

export interface RepairedEvent {
  eventId: string;
  eventName: string | null;
  eventTime: string | null;
  file: string;
  line: number;
  repairs: Repair[];
}

/** Records the reader had to repair to load, with what it changed and where, in file order. */
export async function getRepairedEvents(datasetId: string, limit = 1000): Promise<RepairedEvent[]> {
  const rows = await withConnection((connection) =>
    readRows(
      connection,
      `SELECT event_id, event_name, iso_utc(event_time) AS event_time_iso, source_file, source_line, repairs
         FROM events WHERE dataset_id = ? AND repaired ORDER BY source_file, source_line LIMIT ?`,
      [datasetId, limit],
    ),
  );
  return rows.map((row) => ({
    eventId: String(row.event_id),
    eventName: row.event_name === null ? null : String(row.event_name),
    eventTime: row.event_time_iso === null ? null : String(row.event_time_iso),
    file: String(row.source_file),
    line: Number(row.source_line),
    repairs: JSON.parse(String(row.repairs)) as Repair[],
  }));
}
