import { asRecord, asString } from './json-values';
import { type CloudTrailEvent, normalizeRecord } from './normalize';
import { type ReadItem, quarantined } from './read-item';
import { type RecordCandidate, RecordSplitter, type SplitterNote } from './record-splitter';
import type { Repair } from './repair';
import { tolerantParse } from './tolerant-parse';

const RECORD_FIELDS = ['eventVersion', 'eventTime', 'eventName', 'eventSource', 'eventID', '@timestamp'];

type Classified =
  | { type: 'record'; record: Record<string, unknown>; text: string }
  | { type: 'digest' }
  | { type: 'rejected'; reason: string };

const MAX_DOUBTFUL = 20;

class NotALogError extends Error {
  constructor(first: ReadItem) {
    const detail = first.type === 'quarantined' ? `${first.reason} (“${first.raw.slice(0, 60)}”)` : '';
    super(`no CloudTrail records: ${detail}`);
  }
}

/**
 * Reads JSON in any of its CloudTrail forms, yielding what each chunk of text gave in one batch
 * (a yield per record would cost more than reading it) (envelope, JSON Lines, array, concatenated or single
 * objects, lookup-events output). A digest file is skipped whole; placeholders between records are
 * told to the record before them (or after, when none came before).
 */
export async function* readJsonRecords(file: string, texts: AsyncIterable<string>, maxRecordChars: number): AsyncGenerator<ReadItem[]> {
  const splitter = new RecordSplitter(maxRecordChars);
  let held: CloudTrailEvent | null = null;
  let pendingRepairs: Repair[] = [];
  // Until a record turns up, text and non-CloudTrail JSON may mean the file is no log at all: such
  // items are held, and become one file error if nothing else follows.
  let doubting = true;
  const doubtful: ReadItem[] = [];

  // The last event is held back so that a placeholder right after it can be told to it.
  function* release(): Generator<ReadItem> {
    if (held) yield { type: 'event', event: held };
    held = null;
  }

  function* settle(): Generator<ReadItem> {
    doubting = false;
    yield* doubtful.splice(0);
  }

  function* doubt(item: ReadItem): Generator<ReadItem> {
    doubtful.push(item);
    if (doubtful.length > MAX_DOUBTFUL) yield* settle();
  }

  function* handle(outputs: ReturnType<RecordSplitter['push']>): Generator<ReadItem, 'digest' | void> {
    for (const output of outputs) {
      if (output.type === 'note') {
        const item = noteItem(file, output.note);
        if (item && doubting && output.note.kind === 'stray-text') yield* doubt(item);
        else if (item) {
          yield* settle();
          yield* release();
          yield item;
        } else if (held) held.repairs.push(placeholderRepair(output.note));
        else pendingRepairs.push(placeholderRepair(output.note));
        continue;
      }
      const read = readCandidate(file, output.record);
      if (read === 'digest') return 'digest';
      if (read.notCloudTrail && doubting) {
        yield* doubt(read.item);
        continue;
      }
      yield* settle();
      yield* release();
      if (read.item.type !== 'event') {
        yield read.item;
        continue;
      }
      read.item.event.repairs.unshift(...pendingRepairs);
      pendingRepairs = [];
      held = read.item.event;
    }
  }

  try {
    for await (const text of texts) {
      const batch: ReadItem[] = [];
      const outcome = drain(handle(splitter.push(text)), batch);
      if (batch.length) yield batch;
      if (outcome === 'digest') {
        yield [{ type: 'skipped', file, reason: 'CloudTrail digest file' }];
        return;
      }
    }
    const last: ReadItem[] = [];
    drain(handle(splitter.end()), last);
    if (last.length) yield last;
    if (doubting && doubtful.length > 0) {
      const [first] = doubtful.splice(0);
      throw new NotALogError(first!);
    }
  } finally {
    // Also on a read error: the records before the damage are kept.
    const rest = [...settle(), ...release()];
    if (rest.length) yield rest;
  }
}

/** Runs a generator to its end, collecting what it yields into `into`, and returns what it returns. */
function drain<T, R>(generator: Generator<T, R>, into: T[]): R {
  for (;;) {
    const next = generator.next();
    if (next.done) return next.value;
    into.push(next.value);
  }
}

function readCandidate(file: string, candidate: RecordCandidate): { item: ReadItem; notCloudTrail: boolean } | 'digest' {
  try {
    return readRecord(file, candidate);
  } catch (error) {
    // A record nested thousands deep overflows the stack of whatever walks it: it alone is lost.
    if (!(error instanceof RangeError)) throw error;
    return { item: quarantined(file, candidate.start, `record is nested too deeply to read (${error.message})`, candidate.text), notCloudTrail: false };
  }
}

function readRecord(file: string, candidate: RecordCandidate): { item: ReadItem; notCloudTrail: boolean } | 'digest' {
  const parsed = tolerantParse(candidate.text, candidate.start);
  if (!parsed.ok) return { item: quarantined(file, parsed.at, parsed.reason, candidate.text), notCloudTrail: false };
  const classified = classify(parsed.value, candidate);
  if (classified.type === 'digest') return 'digest';
  if (classified.type === 'rejected') {
    return { item: quarantined(file, candidate.start, classified.reason, candidate.text), notCloudTrail: true };
  }
  const event = normalizeRecord(classified.record, classified.text, { file, at: candidate.start }, parsed.repairs);
  return { item: { type: 'event', event }, notCloudTrail: false };
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
  if (!isCloudTrailRecord(object)) {
    return { type: 'rejected', reason: 'not a CloudTrail record: no eventVersion, eventTime, eventName or eventSource' };
  }
  return { type: 'record', record: object, text: candidate.text };
}

/** Whether an object has any field that every CloudTrail record (or a shipper's copy of one) has. */
export function isCloudTrailRecord(object: Record<string, unknown>): boolean {
  return RECORD_FIELDS.some((field) => field in object);
}

function noteItem(file: string, note: SplitterNote): ReadItem | null {
  switch (note.kind) {
    case 'placeholder':
      return null;
    case 'stray-text':
      return quarantined(file, note.at, 'text that is not a JSON record', note.text);
    case 'oversized':
      return quarantined(file, note.at, `record of ${note.size} characters is over the limit`, '');
    case 'unterminated':
      return quarantined(file, note.at, 'input ends in the middle of a record', note.text);
    case 'interrupted':
      return quarantined(file, note.at, 'record is cut short: the next record begins before it ends', note.text);
  }
}

function placeholderRepair(note: SplitterNote): Repair {
  const text = 'text' in note ? note.text : '';
  return { kind: 'placeholder', message: `skipped the placeholder "${text}" next to this record`, at: note.at };
}
