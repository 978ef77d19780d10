import { isCloudTrailRecord } from './json-records';
import { asRecord } from './json-values';
import { normalizeRecord } from './normalize';
import type { ReadItem } from './read-item';

const OPENING = '{"Records":[';
const CLOSING = ']}';
const BATCH = 1000;

/** Whether the text could be one compact envelope, as CloudTrail writes its S3 deliveries. */
export function startsCompactEnvelope(text: string): boolean {
  return text.startsWith(OPENING);
}

/** A file's records and the compact text of each, when the file is exactly one compact envelope. */
export interface CompactEnvelope {
  records: Record<string, unknown>[];
  texts: string[];
}

/**
 * Takes a whole file in the exact compact form CloudTrail delivers to S3 (`{"Records":[...]}` on
 * one line): one JSON.parse of the file is several times faster than splitting it record by record.
 * Only text that its records write back to exactly (in length) is taken, so each record's column is
 * known and its text is the text as read; anything else (pretty-printed, damaged, not CloudTrail)
 * gives null, and the tolerant reader takes the file instead.
 */
export function parseCompactEnvelope(text: string): CompactEnvelope | null {
  const body = text.trimEnd();
  if (!body.startsWith(OPENING) || !body.endsWith(CLOSING)) return null;
  let envelope: Record<string, unknown> | null;
  try {
    envelope = asRecord(JSON.parse(body));
  } catch {
    return null;
  }
  const records = envelope?.Records;
  if (!Array.isArray(records) || Object.keys(envelope!).length !== 1) return null;
  const texts: string[] = [];
  let length = OPENING.length + CLOSING.length + Math.max(records.length - 1, 0);
  for (const record of records) {
    const object = asRecord(record);
    if (!object || !isCloudTrailRecord(object)) return null;
    const recordText = JSON.stringify(object);
    texts.push(recordText);
    length += recordText.length;
  }
  return length === body.length ? { records: records as Record<string, unknown>[], texts } : null;
}

/** The envelope's events, in batches, each placed at its column on the one line. */
export function* compactEnvelopeItems(file: string, { records, texts }: CompactEnvelope): Generator<ReadItem[]> {
  let offset = OPENING.length;
  for (let start = 0; start < records.length; start += BATCH) {
    const batch: ReadItem[] = [];
    for (let index = start; index < Math.min(start + BATCH, records.length); index++) {
      const recordText = texts[index]!;
      const at = { line: 1, column: offset + 1, offset };
      batch.push({ type: 'event', event: normalizeRecord(records[index]!, recordText, { file, at }, [], true) });
      offset += recordText.length + 1;
    }
    yield batch;
  }
}
