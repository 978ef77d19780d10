import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

class InputTooLargeError extends Error {}

export interface DecompressionLimits {
  /** Bytes one input may expand to. */
  maxBytes: number;
  /** Times its compressed size one input may expand to, once past `EXPANSION_GRACE_BYTES`. */
  maxRatio: number;
}

/** Small inputs may expand freely: a few KB of repetitive JSON can legitimately inflate 500 times. */
export const EXPANSION_GRACE_BYTES = 1024 ** 2;

function isGzip(chunk: Uint8Array): boolean {
  return chunk.length >= 2 && chunk[0] === 0x1f && chunk[1] === 0x8b;
}

/**
 * Decompresses gzip input (detected by content) and stops as soon as more than `maxBytes` come out,
 * or the output outgrows `maxRatio` times the input read so far, so a gzip bomb costs at most a few
 * MB of work. Plain input passes through: its size is already bounded by the upload limit or the
 * file on disk.
 */
export async function* decodeBytes(chunks: AsyncIterable<Uint8Array>, limits: DecompressionLimits): AsyncGenerator<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  let head = await iterator.next();
  while (!head.done && head.value.length === 0) head = await iterator.next();
  if (head.done) return;
  const first = head.value;
  let compressed = 0;
  const rest: AsyncIterable<Uint8Array> = {
    async *[Symbol.asyncIterator]() {
      compressed += first.length;
      yield first;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
        compressed += next.value.length;
        yield next.value;
      }
    },
  };
  // Gzip is decided by its magic number, never by the file name.
  if (!isGzip(first)) {
    yield* rest;
    return;
  }
  let total = 0;
  for await (const chunk of Readable.from(rest).pipe(createGunzip())) {
    total += chunk.length;
    if (total > limits.maxBytes) throw new InputTooLargeError(`decompressed size is over the limit of ${limits.maxBytes} bytes`);
    if (total > EXPANSION_GRACE_BYTES && total > limits.maxRatio * compressed) {
      throw new InputTooLargeError(`expands more than ${limits.maxRatio} times its compressed size (a decompression bomb?)`);
    }
    yield chunk;
  }
}

/** The text encoding a byte-order mark announces; UTF-8 when there is none. */
function encodingOf(first: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' {
  if (first[0] === 0xff && first[1] === 0xfe) return 'utf-16le';
  if (first[0] === 0xfe && first[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

/** Text in pieces: UTF-8, or UTF-16 when a byte-order mark says so; the mark is dropped and invalid bytes become U+FFFD. */
export async function* decodeText(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  let decoder: TextDecoder | null = null;
  for await (const chunk of bytes) {
    // Windows tools (PowerShell's Out-File) write UTF-16 with a mark; without it, bytes are UTF-8.
    decoder ??= new TextDecoder(encodingOf(chunk));
    const text = decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const tail = decoder?.decode();
  if (tail) yield tail;
}
