import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { LogFile } from './log-file';
import { zipEntries } from './zip-entries';

/** One input for the reader: a file on disk, or one entry of an archive. */
export type LogInput = { name: string; chunks: AsyncIterable<Uint8Array> } | { name: string; error: string };

const ZIP_MAGIC = [0x50, 0x4b];

async function startsLikeZip(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(4), 0, 4, 0);
    // Local file header (PK\x03\x04) or the end record of an empty archive (PK\x05\x06).
    return bytesRead === 4 && buffer[0] === ZIP_MAGIC[0] && buffer[1] === ZIP_MAGIC[1] && (buffer[2] === 3 || buffer[2] === 5);
  } finally {
    await handle.close();
  }
}

/** Passes chunks through, telling `onRead` each one's size, so progress moves within a large file. */
async function* counted(chunks: AsyncIterable<Uint8Array>, onRead: (bytes: number) => void): AsyncGenerator<Uint8Array> {
  for await (const chunk of chunks) {
    onRead(chunk.length);
    yield chunk;
  }
}

/**
 * The inputs a file holds: the file itself, or — for a zip archive, told by its content — each
 * entry, named `<archive>/<entry>`. An entry that says it is larger than `maxBytes` is refused
 * before any of it is inflated.
 */
export async function* logInputs(file: LogFile, maxBytes: number, onRead: (bytes: number) => void = () => {}): AsyncGenerator<LogInput> {
  if (!(await startsLikeZip(file.path))) {
    yield { name: file.name, chunks: counted(createReadStream(file.path), onRead) };
    return;
  }
  for await (const entry of zipEntries(file.path)) {
    const name = `${file.name}/${entry.name}`;
    if (entry.uncompressedSize > maxBytes) {
      yield { name, error: `${name}: ${entry.uncompressedSize} bytes uncompressed, over the limit of ${maxBytes}` };
      continue;
    }
    yield { name, chunks: { [Symbol.asyncIterator]: async function* () { yield* await entry.open(); } } };
    onRead(entry.compressedSize);
  }
}
