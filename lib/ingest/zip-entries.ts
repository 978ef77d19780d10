import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { cleanRelativeName } from './clean-name';

export interface ZipEntryInput {
  name: string;
  /** The entry's bytes, or why it cannot be read. */
  open: () => Promise<Readable>;
  uncompressedSize: number;
  compressedSize: number;
}

const MAX_ENTRIES = 100_000;

function openZip(path: string): Promise<ZipFile> {
  // Names are decoded here rather than by yauzl, which refuses a whole archive over one `../`
  // entry; the names are only ever shown, never used as paths, so they are cleaned instead.
  return new Promise((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: true, decodeStrings: false, validateEntrySizes: true }, (error, zip) =>
      error ? reject(error) : resolve(zip),
    ),
  );
}

function entryName(entry: Entry): string {
  const raw = entry.fileName as unknown as Buffer;
  return yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, raw, entry.extraFields, false);
}

/** The files inside a zip archive, one at a time, read only when asked for. */
export async function* zipEntries(path: string): AsyncGenerator<ZipEntryInput> {
  const zip = await openZip(path);
  if (zip.entryCount > MAX_ENTRIES) {
    zip.close();
    throw new Error(`the archive has ${zip.entryCount} entries, over the limit of ${MAX_ENTRIES}`);
  }
  // One listener for the archive's whole life: an 'error' with no listener would crash the process.
  let waiting: { resolve: (entry: Entry | null) => void; reject: (error: Error) => void } | null = null;
  let failure: Error | null = null;
  zip.on('entry', (entry: Entry) => waiting?.resolve(entry));
  zip.on('end', () => waiting?.resolve(null));
  zip.on('error', (error: Error) => {
    failure = error;
    waiting?.reject(error);
  });
  const nextEntry = () =>
    failure
      ? Promise.reject(failure)
      : new Promise<Entry | null>((resolve, reject) => {
          waiting = { resolve, reject };
          zip.readEntry();
        });
  try {
    for (;;) {
      const entry = await nextEntry();
      if (!entry) return;
      const name = entryName(entry);
      if (name.endsWith('/')) continue;
      yield {
        name: cleanRelativeName(name),
        uncompressedSize: entry.uncompressedSize,
        compressedSize: entry.compressedSize,
        open: () => new Promise((resolve, reject) => zip.openReadStream(entry, (error, stream) => (error ? reject(error) : resolve(stream)))),
      };
    }
  } finally {
    zip.close();
  }
}
