import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { normalizeRecord } from './normalize';
import type { ReadItem } from './read-item';

/**
 * The CloudTrail console's Event history CSV download. It carries no full record, so each row is
 * rebuilt into a partial one from its columns. Columns are matched by name: the current download
 * (16 columns, "User name" first) and the older one (10 columns, "Event ID" first) both work.
 */
const COLUMN_TO_FIELD: Record<string, string> = {
  'event id': 'eventID',
  'event time': 'eventTime',
  'event source': 'eventSource',
  'event name': 'eventName',
  'aws region': 'awsRegion',
  'source ip address': 'sourceIPAddress',
  'user agent': 'userAgent',
  'error code': 'errorCode',
  'request id': 'requestID',
  'event type': 'eventType',
  'recipient account id': 'recipientAccountId',
  'event category': 'eventCategory',
};

const HEADER_LINE = /^\uFEFF?[^{[\n]*\bEvent name\b[^\n]*\bEvent (time|ID)\b|^\uFEFF?[^{[\n]*\bEvent (time|ID)\b[^\n]*\bEvent name\b/i;
// The old console wrote local times like "2020-05-13, 04:52:01 PM", without a zone.
const OLD_CONSOLE_TIME = /^(\d{4}-\d{2}-\d{2}), (\d{1,2}):(\d{2}):(\d{2}) ([AP]M)$/;
const MAX_ROW_CHARS = 1024 ** 2;

export function looksLikeConsoleCsv(firstText: string): boolean {
  return HEADER_LINE.test(firstText.slice(0, firstText.indexOf('\n') + 1 || undefined));
}

function eventTimeOf(value: string): string {
  const old = OLD_CONSOLE_TIME.exec(value);
  if (!old) return value;
  const hour = (Number(old[2]) % 12) + (old[5] === 'PM' ? 12 : 0);
  return `${old[1]} ${String(hour).padStart(2, '0')}:${old[3]}:${old[4]}`;
}

function resourcesOf(value: string): unknown[] | undefined {
  try {
    const parsed: unknown = JSON.parse(value);
    if (!Array.isArray(parsed)) return undefined;
    return parsed.map((item: { resourceType?: unknown; resourceName?: unknown }) => ({ type: item.resourceType, ARN: item.resourceName }));
  } catch {
    return undefined;
  }
}

/** A partial CloudTrail record from one CSV row, keyed by lower-cased column names. */
function recordOf(row: Record<string, string>): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(row)) {
    const name = column.trim().toLowerCase();
    // Column names are hostile: `constructor` must not find Object's own.
    const field = Object.hasOwn(COLUMN_TO_FIELD, name) ? COLUMN_TO_FIELD[name] : undefined;
    if (field && value !== '') record[field] = field === 'eventTime' ? eventTimeOf(value) : value;
  }
  const cell = (name: string) => Object.entries(row).find(([column]) => column.trim().toLowerCase() === name)?.[1] || undefined;
  const readOnly = cell('read-only');
  if (readOnly) record.readOnly = readOnly;
  const resources = cell('resources') && resourcesOf(cell('resources')!);
  if (resources) record.resources = resources;
  const userName = cell('user name');
  const accessKeyId = cell('aws access key');
  if (userName || accessKeyId) record.userIdentity = { userName, accessKeyId };
  return record;
}

export async function* readConsoleCsv(file: string, texts: AsyncIterable<string>): AsyncGenerator<ReadItem[]> {
  const rows = Readable.from(texts).pipe(
    parse({ columns: true, bom: true, skip_empty_lines: true, relax_column_count: true, info: true, max_record_size: MAX_ROW_CHARS }),
  );
  for await (const { record: row, info } of rows as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
    const record = recordOf(row);
    const at = { line: info.lines, column: 1 };
    const event = normalizeRecord(record, JSON.stringify(record), { file, at }, [
      { kind: 'rebuilt-from-csv', message: 'rebuilt from a console CSV row: only the columns of the download are known', at },
    ]);
    yield [{ type: 'event', event }];
  }
}
