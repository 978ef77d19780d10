import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

class InputTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`decompressed size is over the limit of ${limitBytes} bytes`);
  }
}

function isGzip(chunk: Uint8Array): boolean {
  return chunk.length >= 2 && chunk[0] === 0x1f && chunk[1] === 0x8b;
}

/**
 * Decompresses gzip input (detected by content) and stops once more than `maxBytes` come out, so a
 * gzip bomb costs at most `maxBytes` of work. Plain input passes through: its size is already
 * bounded by the upload limit or the file on disk.
 */
export async function* decodeBytes(chunks: AsyncIterable<Uint8Array>, maxBytes: number): AsyncGenerator<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  let head = await iterator.next();
  while (!head.done && head.value.length === 0) head = await iterator.next();
  if (head.done) return;
  const first = head.value;
  const rest: AsyncIterable<Uint8Array> = {
    async *[Symbol.asyncIterator]() {
      yield first;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
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
    if (total > maxBytes) throw new InputTooLargeError(maxBytes);
    yield chunk;
  }
}

/** UTF-8 text in pieces; a byte-order mark is dropped and invalid bytes become U+FFFD. */
export async function* decodeText(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of bytes) {
    const text = decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const tail = decoder.decode();
  if (tail) yield tail;
}
