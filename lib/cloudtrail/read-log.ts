import { readConsoleCsv, looksLikeConsoleCsv } from './console-csv';
import { decodeBytes, decodeText } from './decode';
import { readJsonRecords } from './json-records';
import type { ReadItem } from './read-item';

export type { ReadItem } from './read-item';

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
 * whatever it yielded before the damage.
 */
export async function* readLog(
  file: string,
  chunks: AsyncIterable<Uint8Array>,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): AsyncGenerator<ReadItem> {
  try {
    const texts = decodeText(decodeBytes(chunks, limits.maxDecompressedBytes))[Symbol.asyncIterator]();
    const taken: string[] = [];
    let head = await texts.next();
    while (!head.done && head.value.trim() === '') {
      taken.push(head.value);
      head = await texts.next();
    }
    if (head.done) {
      yield { type: 'skipped', file, reason: 'empty file' };
      return;
    }
    if (head.value.includes('\u0000')) {
      yield { type: 'file-error', file, message: `${file}: binary data, not a text log` };
      return;
    }
    taken.push(head.value);
    const all = rejoin(taken, texts);
    yield* looksLikeConsoleCsv(head.value) ? readConsoleCsv(file, all) : readJsonRecords(file, all, limits.maxRecordChars);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    yield { type: 'file-error', file, message: `${file}: ${message}` };
  }
}
