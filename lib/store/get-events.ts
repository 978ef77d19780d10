import type { Redaction } from '@/lib/cloudtrail/redaction';
import type { View } from '@/lib/view/view-schema';
import { compileView } from '@/lib/view/view-to-sql';
import { withConnection } from './database';
import { type Row, readRows } from './rows';

/** One row of the event table, as the pages and the API hand it out. */
export interface EventRow {
  eventId: string;
  eventTime: string | null;
  eventSource: string | null;
  serviceName: string | null;
  eventName: string | null;
  awsRegion: string | null;
  accountId: string | null;
  sourceIPAddress: string | null;
  errorCode: string | null;
  readOnly: boolean | null;
  identity: { key: string; type: string; display: string };
  redactions: Redaction[];
  repaired: boolean;
}

export interface EventPage {
  total: number;
  rows: EventRow[];
  nextCursor: number | null;
}

function toEventRow(row: Row): EventRow {
  const text = (key: string) => (row[key] === null || row[key] === undefined ? null : String(row[key]));
  return {
    eventId: String(row.event_id),
    eventTime: text('event_time_iso'),
    eventSource: text('event_source'),
    serviceName: text('service_name'),
    eventName: text('event_name'),
    awsRegion: text('aws_region'),
    accountId: text('account_id'),
    sourceIPAddress: text('source_ip'),
    errorCode: text('error_code'),
    readOnly: typeof row.read_only === 'boolean' ? row.read_only : null,
    identity: { key: String(row.identity_key), type: String(row.identity_type), display: String(row.identity_display) },
    redactions: JSON.parse(String(row.redactions)) as Redaction[],
    repaired: row.repaired === true,
  };
}

/** The page of events a view selects, with the total that matches it. */
export async function getEvents(datasetId: string, view: View): Promise<EventPage> {
  const { where, params, orderBy } = compileView(datasetId, view);
  const offset = view.cursor ?? 0;
  return withConnection(async (connection) => {
    const [counted] = await readRows(connection, `SELECT count(*) AS total FROM events WHERE ${where}`, params);
    // The page's rows are chosen on the sort columns alone, then their other columns fetched, so
    // the sort never carries wide columns through a million rows.
    const rows = await readRows(
      connection,
      `WITH page AS (SELECT rowid AS row_ref, row_number() OVER () AS position FROM (
         SELECT rowid FROM events WHERE ${where} ORDER BY ${orderBy} LIMIT ? OFFSET ?))
       SELECT event_id, iso_utc(event_time) AS event_time_iso, event_source, service_name,
              event_name, aws_region, account_id, source_ip, error_code, read_only, identity_key, identity_type,
              identity_display, redactions, repaired
         FROM events JOIN page ON events.rowid = page.row_ref ORDER BY page.position`,
      [...params, view.limit, offset],
    );
    const total = Number(counted?.total ?? 0);
    const nextCursor = offset + rows.length < total ? offset + rows.length : null;
    return { total, rows: rows.map(toEventRow), nextCursor };
  });
}
