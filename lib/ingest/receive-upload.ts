import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import busboy from 'busboy';
import { cleanRelativeName } from './clean-name';
import { TooManyFilesError } from './collect-files';
import type { LogFile } from './log-file';

export class UploadTooLargeError extends Error {
  constructor(limitBytes: number, what = 'upload') {
    super(`${what} is over the limit of ${limitBytes} bytes`);
  }
}

/** Room for multipart boundaries and part headers around the file bytes, when judging a declared length. */
const MULTIPART_OVERHEAD_BYTES = 1024 ** 2;

export interface ReceivedUpload {
  files: LogFile[];
  fields: Record<string, string>;
}

/**
 * Streams a multipart upload to numbered files in `directory` without ever holding a whole file in
 * memory. Client file names (folder uploads send relative paths) are kept only as display names,
 * so no part of them reaches the file system. Over `maxBytes` in total, or more than `maxFiles`
 * files, it stops reading and throws; a declared length over the limit is refused unread.
 */
export async function receiveUpload(request: Request, directory: string, maxBytes: number, maxFiles = 100_000): Promise<ReceivedUpload> {
  if (!request.body) throw new Error('the upload has no body');
  if (Number(request.headers.get('content-length') ?? 0) > maxBytes + MULTIPART_OVERHEAD_BYTES) throw new UploadTooLargeError(maxBytes);
  await mkdir(directory, { recursive: true });
  const parser = busboy({
    headers: { 'content-type': request.headers.get('content-type') ?? '' },
    preservePath: true,
    limits: { fileSize: maxBytes + 1, files: maxFiles, fields: 20, fieldSize: 64 * 1024 },
  });
  const files: LogFile[] = [];
  const fields: Record<string, string> = {};
  const writes: Promise<void>[] = [];
  let total = 0;

  const done = new Promise<void>((resolve, reject) => {
    parser.on('field', (name, value) => {
      fields[name] = value;
    });
    parser.on('file', (_field, stream, info) => {
      const file: LogFile = { path: path.join(directory, String(files.length)), name: cleanRelativeName(info.filename ?? ''), size: 0 };
      files.push(file);
      // Busboy emits 'data' and 'limit' in the middle of its own work and touches the part after them:
      // destroying the parser right there crashes the process, so it is done once that work is over.
      const refuse = () =>
        process.nextTick(() => {
          const error = new UploadTooLargeError(maxBytes);
          stream.destroy(error);
          parser.destroy(error);
        });
      stream.on('data', (chunk: Buffer) => {
        total += chunk.length;
        file.size += chunk.length;
        if (total > maxBytes && !stream.destroyed) refuse();
      });
      stream.on('limit', refuse);
      const write = pipeline(stream, createWriteStream(file.path));
      write.catch(() => undefined); // awaited below; this only keeps an early failure from going unhandled
      writes.push(write);
    });
    parser.on('filesLimit', () => process.nextTick(() => parser.destroy(new TooManyFilesError(maxFiles))));
    parser.on('close', resolve);
    parser.on('error', reject);
  });

  const body = Readable.fromWeb(request.body as WebReadableStream<Uint8Array>);
  body.on('error', (error) => parser.destroy(error));
  body.pipe(parser);
  try {
    await done;
    await Promise.all(writes);
  } catch (error) {
    body.destroy();
    await Promise.allSettled(writes);
    throw error;
  }
  return { files, fields };
}
