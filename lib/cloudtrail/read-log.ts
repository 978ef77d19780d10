import { readConsoleCsv, looksLikeConsoleCsv } from './console-csv';
import { decodeBytes, decodeText } from './decode';
import { readJsonRecords } from './json-records';
import type { ReadItem } from './read-item';
import { opensEnvelope, parseWholeEnvelope, wholeEnvelopeItems } from './whole-envelope';

export type { ReadItem } from './read-item';

export interface ReadLimits {
  /** Bytes a single gzip input may expand to. */
  maxDecompressedBytes: number;
  /** Times its compressed size a gzip input may expand to, past its first MiB. */
  maxExpansionRatio?: number;
  /** Characters a single record may have. */
  maxRecordChars: number;
}

const DEFAULT_EXPANSION_RATIO = 200;

const DEFAULT_READ_LIMITS: ReadLimits = {
  maxDecompressedBytes: 2 * 1024 ** 3,
  maxExpansionRatio: DEFAULT_EXPANSION_RATIO,
  maxRecordChars: 2 * 1024 ** 2,
};

const SAMPLE_CHARS = 4096;
// An envelope up to this size is read whole; larger files stream, so memory stays bounded.
const WHOLE_FILE_CHARS = 64 * 1024 ** 2;

/**
 * Binary when more than a tenth of the first few thousand characters are control characters or
 * undecodable bytes: a stray NUL in a text log must not cost the whole file.
 */
function looksBinary(sample: string): boolean {
  let suspicious = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code < 9 || (code > 13 && code < 32) || code === 0xfffd) suspicious++;
  }
  return suspicious > sample.length / 10;
}

/** Takes chunks into `taken` until `limit` characters; true when the input ended within it. */
async function takeUpTo(limit: number, taken: string[], rest: AsyncIterator<string>): Promise<boolean> {
  let size = taken.reduce((sum, chunk) => sum + chunk.length, 0);
  while (size <= limit) {
    const next = await rest.next();
    if (next.done) return true;
    taken.push(next.value);
    size += next.value.length;
  }
  return false;
}

/** The chunks already taken off `rest` while looking at the start of the input, then the rest of it. */
async function* rejoin(taken: string[], rest: AsyncIterator<string>): AsyncGenerator<string> {
  yield* taken;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

/**
 * Reads one input (a file, an upload, pasted text) into CloudTrail events. The form is told from
 * the content, never the name: gzip or not, JSON in any CloudTrail form, or a console CSV download.
 * Every record either becomes an event or is quarantined with its position; a broken record never
 * takes its neighbours down, and a file that cannot be read ends with one `file-error` after
 * whatever it yielded before the damage. Items come in batches, one per chunk of input.
 */
export async function* readLog(
  file: string,
  chunks: AsyncIterable<Uint8Array>,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): AsyncGenerator<ReadItem[]> {
  try {
    const decompression = {
      maxBytes: limits.maxDecompressedBytes,
      maxRatio: limits.maxExpansionRatio ?? DEFAULT_EXPANSION_RATIO,
    };
    const texts = decodeText(decodeBytes(chunks, decompression))[Symbol.asyncIterator]();
    // Look at the first few thousand characters, however the input is chunked, before deciding its form.
    const taken: string[] = [];
    let sampled = 0;
    let ended = false;
    while (sampled < SAMPLE_CHARS) {
      const next = await texts.next();
      if (next.done) {
        ended = true;
        break;
      }
      taken.push(next.value);
      sampled += next.value.length;
    }
    const sample = taken.join('').slice(0, SAMPLE_CHARS);
    if (ended && sample.trim() === '') {
      yield [{ type: 'skipped', file, reason: 'empty file' }];
      return;
    }
    if (looksBinary(sample)) {
      yield [{ type: 'file-error', file, message: `${file}: binary data, not a text log` }];
      return;
    }
    if (opensEnvelope(sample.trimStart())) {
      ended ||= await takeUpTo(WHOLE_FILE_CHARS, taken, texts);
      const envelope = ended ? parseWholeEnvelope(taken.join('')) : null;
      if (envelope) {
        yield* wholeEnvelopeItems(file, envelope);
        return;
      }
    }
    const all = rejoin(taken, texts);
    yield* looksLikeConsoleCsv(sample.trimStart()) ? readConsoleCsv(file, all) : readJsonRecords(file, all, limits.maxRecordChars);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    yield [{ type: 'file-error', file, message: `${file}: ${message}` }];
  }
}
