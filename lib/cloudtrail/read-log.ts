import { decodeBytes, decodeText } from './decode';
import { asRecord, asString } from './json-values';
import { type CloudTrailEvent, normalizeRecord } from './normalize';
import { type RecordCandidate, RecordSplitter, type SplitterNote } from './record-splitter';
import type { Repair } from './repair';
import { type SourcePosition, formatPosition } from './source-position';
import { tolerantParse } from './tolerant-parse';

export type ReadItem =
  | { type: 'event'; event: CloudTrailEvent }
  | { type: 'quarantined'; file: string; at: SourcePosition; reason: string; raw: string }
  | { type: 'skipped'; file: string; reason: string }
  | { type: 'file-error'; file: string; message: string };

export interface ReadLimits {
  /** Bytes a single input may expand to after decompression. */
  maxDecompressedBytes: number;
  /** Characters a single record may have. */
  maxRecordChars: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxDecompressedBytes: 1024 ** 3,
  maxRecordChars: 2 * 1024 ** 2,
};

const RAW_TEXT_CAP = 4096;
const RECORD_FIELDS = ['eventVersion', 'eventTime', 'eventName', 'eventSource', 'eventID', '@timestamp'];

type Classified =
  | { type: 'record'; record: Record<string, unknown>; text: string }
  | { type: 'digest' }
  | { type: 'rejected'; reason: string };

/**
 * Reads one input (a file, an upload, pasted text) into CloudTrail events. Every record either
 * becomes an event or is quarantined with its position; a broken record never takes its
 * neighbours down, and a file that cannot be read ends with one `file-error` after whatever it
 * yielded before the damage.
 */
export async function* readLog(
  file: string,
  chunks: AsyncIterable<Uint8Array>,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): AsyncGenerator<ReadItem> {
  const splitter = new RecordSplitter(limits.maxRecordChars);
  let held: CloudTrailEvent | null = null;
  let pendingRepairs: Repair[] = [];
  let sawContent = false;

  // The last event is held back so that a placeholder right after it can be told to it.
  function* release(): Generator<ReadItem> {
    if (held) yield { type: 'event', event: held };
    held = null;
  }

  function* handle(outputs: ReturnType<RecordSplitter['push']>): Generator<ReadItem, 'digest' | void> {
    for (const output of outputs) {
      if (output.type === 'note') {
        const item = noteItem(file, output.note);
        if (item) {
          yield* release();
          yield item;
        } else if (held) held.repairs.push(placeholderRepair(output.note));
        else pendingRepairs.push(placeholderRepair(output.note));
        continue;
      }
      const item = readCandidate(file, output.record);
      if (item === 'digest') return 'digest';
      yield* release();
      if (item.type !== 'event') {
        yield item;
        continue;
      }
      item.event.repairs.unshift(...pendingRepairs);
      pendingRepairs = [];
      held = item.event;
    }
  }

  try {
    for await (const text of decodeText(decodeBytes(chunks, limits.maxDecompressedBytes))) {
      if (!sawContent) {
        if (text.includes('\u0000')) {
          yield { type: 'file-error', file, message: `${file}: binary data, not a text log` };
          return;
        }
        sawContent = text.trim().length > 0;
      }
      if ((yield* handle(splitter.push(text))) === 'digest') {
        yield { type: 'skipped', file, reason: 'CloudTrail digest file' };
        return;
      }
    }
    yield* handle(splitter.end());
  } catch (error) {
    yield* release();
    const message = error instanceof Error ? error.message : String(error);
    yield { type: 'file-error', file, message: `${file}: ${message}` };
    return;
  }
  yield* release();
  if (!sawContent) yield { type: 'skipped', file, reason: 'empty file' };
}

function readCandidate(file: string, candidate: RecordCandidate): ReadItem | 'digest' {
  const parsed = tolerantParse(candidate.text, candidate.start);
  if (!parsed.ok) return quarantine(file, parsed.at, parsed.reason, candidate.text);
  const classified = classify(parsed.value, candidate);
  if (classified.type === 'digest') return 'digest';
  if (classified.type === 'rejected') return quarantine(file, candidate.start, classified.reason, candidate.text);
  const event = normalizeRecord(classified.record, classified.text, { file, at: candidate.start }, parsed.repairs);
  return { type: 'event', event };
}

function classify(value: unknown, candidate: RecordCandidate): Classified {
  const object = asRecord(value);
  if (!object) return { type: 'rejected', reason: 'not a JSON object' };
  // `aws cloudtrail lookup-events` wraps each record as a JSON string in CloudTrailEvent.
  const wrapped = asString(object.CloudTrailEvent);
  if (wrapped !== null) {
    try {
      const inner = asRecord(JSON.parse(wrapped));
      if (inner) return { type: 'record', record: inner, text: wrapped };
    } catch {
      return { type: 'rejected', reason: 'CloudTrailEvent is not valid JSON' };
    }
  }
  if (!candidate.inEnvelope && 'digestStartTime' in object && 'logFiles' in object) return { type: 'digest' };
  if (!RECORD_FIELDS.some((field) => field in object)) {
    return { type: 'rejected', reason: 'not a CloudTrail record: no eventVersion, eventTime, eventName or eventSource' };
  }
  return { type: 'record', record: object, text: candidate.text };
}

function quarantine(file: string, at: SourcePosition, reason: string, text: string): ReadItem {
  return { type: 'quarantined', file, at, reason: `${reason} at ${formatPosition(at)}`, raw: text.slice(0, RAW_TEXT_CAP) };
}

function noteItem(file: string, note: SplitterNote): ReadItem | null {
  switch (note.kind) {
    case 'placeholder':
      return null;
    case 'stray-text':
      return quarantine(file, note.at, 'text that is not a JSON record', note.text);
    case 'oversized':
      return quarantine(file, note.at, `record of ${note.size} characters is over the limit`, '');
    case 'unterminated':
      return quarantine(file, note.at, 'input ends in the middle of a record', note.text);
  }
}

function placeholderRepair(note: SplitterNote): Repair {
  const text = 'text' in note ? note.text : '';
  return { kind: 'placeholder', message: `skipped the placeholder "${text}" next to this record`, at: note.at };
}
