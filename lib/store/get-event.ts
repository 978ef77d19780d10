import type { Redaction } from '@/lib/cloudtrail/redaction';
import type { Repair } from '@/lib/cloudtrail/repair';
import { withConnection } from './database';
import { readRows } from './rows';

/** One stored record in full, with what the reader found in it and where it came from. */
export interface EventDetail {
  eventId: string;
  /** Identifies this record among others that share its eventID (CloudTrail allows that). */
  contentHash: string;
  eventTime: string | null;
  identity: { key: string; type: string; display: string; accessKeyId: string | null; sessionName: string | null };
  record: unknown;
  redactions: Redaction[];
  repairs: Repair[];
  source: { file: string; line: number };
}

/** Every record with this eventID (usually one), oldest first. */
export async function getEventsById(datasetId: string, eventId: string): Promise<EventDetail[]> {
  const rows = await withConnection((connection) =>
    readRows(
      connection,
      `SELECT event_id, content_hash, iso_utc(event_time) AS event_time_iso, identity_key,
              identity_type, identity_display, access_key_id, session_name, CAST(record AS VARCHAR) AS record_text,
              redactions, repairs, source_file, source_line
         FROM events WHERE dataset_id = ? AND event_id = ? ORDER BY event_time NULLS LAST, content_hash`,
      [datasetId, eventId],
    ),
  );
  return rows.map((row) => ({
    eventId: String(row.event_id),
    contentHash: String(row.content_hash),
    eventTime: row.event_time_iso === null ? null : String(row.event_time_iso),
    identity: {
      key: String(row.identity_key),
      type: String(row.identity_type),
      display: String(row.identity_display),
      accessKeyId: row.access_key_id === null ? null : String(row.access_key_id),
      sessionName: row.session_name === null ? null : String(row.session_name),
    },
    record: JSON.parse(String(row.record_text)),
    redactions: JSON.parse(String(row.redactions)) as Redaction[],
    repairs: JSON.parse(String(row.repairs)) as Repair[],
    source: { file: String(row.source_file), line: Number(row.source_line) },
  }));
}
