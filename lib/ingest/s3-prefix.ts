import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { isIP } from 'node:net';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { GetObjectCommand, ListObjectsV2Command, S3Client, type _Object } from '@aws-sdk/client-s3';
import { cleanRelativeName } from './clean-name';
import type { LogFile } from './log-file';
import { UploadTooLargeError } from './receive-upload';

export class S3UriError extends Error {
  constructor(uri: string, reason: string) {
    super(`${JSON.stringify(uri.slice(0, 200))} is not an S3 location like s3://bucket/prefix/: ${reason}`);
    this.name = 'S3UriError';
  }
}

/** Splits `s3://bucket/prefix/`, checking the bucket against the current S3 naming rules. */
export function parseS3Uri(uri: string): { bucket: string; prefix: string } {
  const match = /^s3:\/\/([^/]*)(?:\/(.*))?$/is.exec(uri);
  if (!match) throw new S3UriError(uri, 'it must start with s3://');
  const bucket = match[1] ?? '';
  let prefix = match[2] ?? '';
  if (!bucket) throw new S3UriError(uri, 'the bucket name is missing');
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket) || bucket.includes('..') || isIP(bucket)) {
    throw new S3UriError(uri, 'a bucket name has 3 to 63 lowercase letters, digits, dots and hyphens');
  }
  // A prefix names a folder, so s3://b/AWSLogs/1234 does not also read AWSLogs/12345/.
  if (prefix && !prefix.endsWith('/')) prefix += '/';
  if (Buffer.byteLength(prefix) > 1024) throw new S3UriError(uri, 'the prefix is longer than an S3 key can be');
  return { bucket, prefix };
}

export interface DownloadS3Options {
  /** An S3-compatible server to use instead of AWS, addressed path-style. */
  endpoint?: string;
  signal?: AbortSignal;
  maxBytes: number;
  onFile?: (file: LogFile) => void;
}

async function listObjects(client: S3Client, bucket: string, prefix: string, signal?: AbortSignal): Promise<_Object[]> {
  const objects: _Object[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix || undefined, ContinuationToken: token }),
      { abortSignal: signal },
    );
    objects.push(...(page.Contents ?? []));
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return objects;
}

/**
 * Downloads every object under an S3 prefix to numbered files in `directory`, streaming each one so
 * no whole object sits in memory. Keys are kept only as display names (relative to the prefix) and
 * never reach the file system. Over `maxBytes` in total, it stops and throws.
 */
export async function downloadS3Prefix(uri: string, directory: string, options: DownloadS3Options): Promise<LogFile[]> {
  const { bucket, prefix } = parseS3Uri(uri);
  const { signal, maxBytes } = options;
  const client = new S3Client({
    // The SDK reads AWS_REGION only; AWS_DEFAULT_REGION is what the AWS CLI's users tend to have set.
    region: process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || 'us-east-1',
    // Log buckets often live in another region than the one configured; follow S3's redirect to it.
    followRegionRedirects: true,
    ...(options.endpoint ? { endpoint: options.endpoint, forcePathStyle: true } : {}),
  });
  try {
    const objects = (await listObjects(client, bucket, prefix, signal))
      .filter((object): object is _Object & { Key: string } => !!object.Key && !object.Key.endsWith('/'))
      .map((object) => ({ key: object.Key, name: cleanRelativeName(object.Key.slice(prefix.length)), size: object.Size ?? 0 }))
      .sort((a, b) => a.name.localeCompare(b.name));
    // The listing's sizes let an oversized prefix fail before any download; the count below still
    // guards against objects that grow after they were listed.
    if (objects.reduce((sum, object) => sum + object.size, 0) > maxBytes) throw new UploadTooLargeError(maxBytes);
    await mkdir(directory, { recursive: true });

    const files: LogFile[] = [];
    let total = 0;
    for (const [index, object] of objects.entries()) {
      const file: LogFile = { path: path.join(directory, String(index)), name: object.name, size: 0 };
      const { Body } = await client.send(new GetObjectCommand({ Bucket: bucket, Key: object.key }), { abortSignal: signal });
      if (!(Body instanceof Readable)) throw new Error(`S3 sent no readable body for ${object.key}`);
      const count = async function* (chunks: AsyncIterable<Buffer>) {
        for await (const chunk of chunks) {
          total += chunk.length;
          file.size += chunk.length;
          if (total > maxBytes) throw new UploadTooLargeError(maxBytes);
          yield chunk;
        }
      };
      await pipeline(Body, count, createWriteStream(file.path), { signal });
      files.push(file);
      options.onFile?.(file);
    }
    return files;
  } finally {
    client.destroy();
  }
}
