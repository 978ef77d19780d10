import { isCloudTrailRecord } from './json-records';
import { asRecord } from './json-values';
import { normalizeRecord } from './normalize';
import type { ReadItem } from './read-item';
import type { SourcePosition } from './source-position';

const ENVELOPE_START = /^\{\s*"Records"\s*:\s*\[/;
const BATCH = 1000;

/** Whether a file's first characters open a `{"Records":[...]}` envelope. */
export function opensEnvelope(sample: string): boolean {
  return ENVELOPE_START.test(sample);
}

/** A file's records, each with its text as read and where it begins. */
export interface WholeEnvelope {
  records: Record<string, unknown>[];
  texts: string[];
  starts: SourcePosition[];
}

/**
 * Takes a whole file that is one valid `{"Records":[...]}` envelope of CloudTrail records, as
 * CloudTrail delivers to S3: one JSON.parse of the file is several times faster than splitting it
 * record by record. Anything else (damaged, not CloudTrail, other keys) gives null, and the tolerant
 * reader takes the file instead.
 */
export function parseWholeEnvelope(text: string): WholeEnvelope | null {
  let envelope: Record<string, unknown> | null;
  try {
    envelope = asRecord(JSON.parse(text));
  } catch {
    return null;
  }
  const records = envelope?.Records;
  if (!Array.isArray(records) || Object.keys(envelope!).length !== 1) return null;
  if (!records.every((record) => asRecord(record) && isCloudTrailRecord(record))) return null;
  const spans = recordSpans(text);
  return { records, texts: spans.map(({ begin, end }) => text.slice(begin, end)), starts: spans.map(({ at }) => at) };
}

/**
 * Where each record of a valid envelope begins and ends. In valid JSON, braces inside strings are
 * the only ones to skip, so matching braces outside strings finds every record.
 */
function recordSpans(text: string): { begin: number; end: number; at: SourcePosition }[] {
  const spans: { begin: number; end: number; at: SourcePosition }[] = [];
  let line = 1;
  let lineStart = 0;
  let counted = 0;
  // Nothing but `{ "Records" :` comes before the array, so its first bracket opens it.
  for (let index = text.indexOf('[') + 1; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 93) break; // ]
    if (code !== 123) continue; // {
    for (let newline = text.indexOf('\n', counted); newline !== -1 && newline < index; newline = text.indexOf('\n', newline + 1)) {
      line++;
      lineStart = newline + 1;
    }
    const end = endOfObject(text, index);
    spans.push({ begin: index, end, at: { line, column: index - lineStart + 1, offset: index } });
    counted = index;
    index = end - 1;
  }
  return spans;
}

/** The index just past the object that opens at `begin`. */
function endOfObject(text: string, begin: number): number {
  let depth = 0;
  for (let index = begin; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 34) index = closingQuote(text, index);
    else if (code === 123 || code === 91) depth++;
    else if ((code === 125 || code === 93) && --depth === 0) return index + 1;
  }
  return text.length;
}

/** The index of the quote that closes the string opening at `open` (indexOf is much faster than a loop). */
function closingQuote(text: string, open: number): number {
  for (let quote = text.indexOf('"', open + 1); quote !== -1; quote = text.indexOf('"', quote + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === 92) backslashes++;
    if (backslashes % 2 === 0) return quote;
  }
  return text.length;
}

/** The envelope's events, in batches. */
export function* wholeEnvelopeItems(file: string, { records, texts, starts }: WholeEnvelope): Generator<ReadItem[]> {
  for (let first = 0; first < records.length; first += BATCH) {
    const batch: ReadItem[] = [];
    for (let index = first; index < Math.min(first + BATCH, records.length); index++) {
      batch.push({ type: 'event', event: normalizeRecord(records[index]!, texts[index]!, { file, at: starts[index]! }, []) });
    }
    yield batch;
  }
}
