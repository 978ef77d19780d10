import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { EXPANSION_GRACE_BYTES } from '@/lib/cloudtrail/decode';
import { serverConfig } from '@/lib/config';
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

/** Why a zip entry is refused before any of it is inflated, or null when it may be read. */
function entryRefusal(entry: { uncompressedSize: number; compressedSize: number }, expandedSoFar: number, maxBytes: number, maxRatio: number) {
  if (entry.uncompressedSize > maxBytes) return `${entry.uncompressedSize} bytes uncompressed, over the limit of ${maxBytes}`;
  // Many entries may each stay under the limit (or share one compressed stream): the archive has one budget.
  if (expandedSoFar + entry.uncompressedSize > maxBytes) return `the archive's entries together expand past the limit of ${maxBytes} bytes`;
  if (entry.uncompressedSize > EXPANSION_GRACE_BYTES && entry.uncompressedSize > maxRatio * Math.max(entry.compressedSize, 1)) {
    return `expands more than ${maxRatio} times its compressed size (a decompression bomb?)`;
  }
  return null;
}

/**
 * The inputs a file holds: the file itself, or — for a zip archive, told by its content — each
 * entry, named `<archive>/<entry>`. An entry that says it is larger than `maxBytes` (alone or with
 * the entries before it), or expands more than `maxRatio` times, is refused before any of it is
 * inflated; yauzl checks that no entry inflates past what it says.
 */
export async function* logInputs(
  file: LogFile,
  maxBytes: number,
  onRead: (bytes: number) => void = () => {},
  maxRatio = serverConfig().maxExpansionRatio,
): AsyncGenerator<LogInput> {
  if (!(await startsLikeZip(file.path))) {
    yield { name: file.name, chunks: counted(createReadStream(file.path), onRead) };
    return;
  }
  let expanded = 0;
  for await (const entry of zipEntries(file.path)) {
    const name = `${file.name}/${entry.name}`;
    const refusal = entryRefusal(entry, expanded, maxBytes, maxRatio);
    if (refusal) {
      yield { name, error: `${name}: ${refusal}` };
      continue;
    }
    expanded += entry.uncompressedSize;
    yield { name, chunks: { [Symbol.asyncIterator]: async function* () { yield* await entry.open(); } } };
    onRead(entry.compressedSize);
  }
}
