import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LogFile } from './log-file';
import { UploadTooLargeError } from './receive-upload';
import { downloadS3Prefix, parseS3Uri, S3UriError } from './s3-prefix';
import { type S3TestServer, startS3TestServer } from './s3-test-server';

const fixtures = path.join(process.cwd(), 'fixtures/s3-layout');
const scratch = mkdtempSync(path.join(tmpdir(), 'trailscope-s3-'));
const bucket = 'trail-logs';
const pagedNames = Array.from({ length: 25 }, (_, index) => `${String(index).padStart(2, '0')}.json`);
// GET requests wait on this, so a test can change an object between the listing and its download.
let holdGets: Promise<unknown> = Promise.resolve();
let pagedListings = 0;
let requests = 0;
let s3: S3TestServer;
let fixtureNames: string[] = [];
let downloads = 0;

function onRequest(request: IncomingMessage) {
  requests += 1;
  // S3 pages at 1000 keys. s3rver pages wrongly when a folder name is a prefix of a sibling's, as
  // CloudTrail/ is of CloudTrail-Digest/, so only the flat paged/ folder is listed in small pages.
  // s3rver checks no SigV4 signature, only the access key, so adding to the signed query is harmless.
  if (new URL(request.url ?? '/', 'http://127.0.0.1').searchParams.get('prefix') === 'paged/') {
    pagedListings += 1;
    request.url += '&max-keys=10';
  }
  if (request.method === 'GET') return holdGets;
}

function put(key: string, body: Buffer | string) {
  return s3.put(bucket, key, body);
}

function download(prefix: string, options: { maxBytes?: number; onFile?: (file: LogFile) => void; signal?: AbortSignal } = {}) {
  const directory = path.join(scratch, `download-${downloads++}`);
  return downloadS3Prefix(`s3://${bucket}/${prefix}`, directory, { endpoint: s3.endpoint, maxBytes: 100 * 1024 ** 2, ...options });
}

beforeAll(async () => {
  s3 = await startS3TestServer({ onRequest });
  await s3.createBucket(bucket);
  [fixtureNames] = await Promise.all([
    s3.putFolder(bucket, 'trail/', fixtures),
    Promise.all([
      ...pagedNames.map((name) => put(`paged/${name}`, name)),
      put('odd/folder/', Buffer.alloc(0)),
      put('odd/folder/a.json', '{"Records":[]}'),
      put('odd/folder-2/b.json', '{"Records":[]}'),
      put('grow/a.json', '0123456789'),
      put('grow/b.json', '0123456789'),
    ]),
  ]);
}, 20_000);

afterAll(async () => {
  await s3?.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe('downloadS3Prefix', () => {
  it('downloads every object under the prefix byte for byte, named relative to the prefix', async () => {
    const seen: string[] = [];
    const files = await download('trail/', { onFile: (file) => seen.push(file.name) });
    expect(fixtureNames.length).toBeGreaterThan(10);
    expect(files.map((file) => file.name)).toEqual(fixtureNames);
    expect(seen).toEqual(fixtureNames);
    for (const [index, file] of files.entries()) {
      const expected = readFileSync(path.join(fixtures, file.name));
      expect(path.basename(file.path)).toBe(String(index));
      expect(file.size).toBe(expected.length);
      expect(readFileSync(file.path).equals(expected), file.name).toBe(true);
    }
  });

  it('reads only the account folder it is pointed at', async () => {
    const account = 'AWSLogs/847129010505/';
    const expected = fixtureNames.filter((name) => name.startsWith(account)).map((name) => name.slice(account.length));
    expect(expected.length).toBeGreaterThan(1);
    const files = await download(`trail/${account}`);
    expect(files.map((file) => file.name)).toEqual(expected);
  });

  it('follows the listing over every page', async () => {
    pagedListings = 0;
    const files = await download('paged/');
    expect(pagedListings).toBe(3);
    expect(files.map((file) => file.name)).toEqual(pagedNames);
  });

  it('treats a prefix as a folder and skips folder markers', async () => {
    const files = await download('odd/folder');
    expect(files.map((file) => [file.name, file.size])).toEqual([['a.json', 14]]);
  });

  it('keeps the whole key as the name when the prefix is empty', async () => {
    const files = await download('');
    expect(files.map((file) => file.name)).toEqual(expect.arrayContaining(['odd/folder/a.json', `trail/${fixtureNames[0]}`]));
    expect(files).toHaveLength(fixtureNames.length + pagedNames.length + 4);
  });

  it('refuses a prefix whose objects add up to more than maxBytes', async () => {
    const account = 'AWSLogs/847129010505/';
    const names = fixtureNames.filter((name) => name.startsWith(account));
    const total = names.reduce((sum, name) => sum + readFileSync(path.join(fixtures, name)).length, 0);
    const onFile = vi.fn();
    await expect(download(`trail/${account}`, { maxBytes: total - 1, onFile })).rejects.toBeInstanceOf(UploadTooLargeError);
    expect(onFile).not.toHaveBeenCalled(); // the listing's sizes were enough to refuse
    await expect(download(`trail/${account}`, { maxBytes: total })).resolves.toHaveLength(names.length);
  });

  it('stops when an object grows past the limit after it was listed', async () => {
    const onFile = () => {
      holdGets = put('grow/b.json', 'x'.repeat(1000));
    };
    await expect(download('grow/', { maxBytes: 100, onFile })).rejects.toBeInstanceOf(UploadTooLargeError);
  });

  it('asks nothing of S3 when its signal is already aborted', async () => {
    const before = requests;
    await expect(download('trail/', { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
    expect(requests).toBe(before);
  });

  it('stops downloading when its signal is aborted', async () => {
    const controller = new AbortController();
    const onFile = vi.fn(() => controller.abort());
    await expect(download('trail/', { signal: controller.signal, onFile })).rejects.toMatchObject({ name: 'AbortError' });
    expect(onFile).toHaveBeenCalledTimes(1);
  });
});

describe('parseS3Uri', () => {
  it.each([
    ['s3://my-bucket', { bucket: 'my-bucket', prefix: '' }],
    ['s3://my-bucket/', { bucket: 'my-bucket', prefix: '' }],
    ['s3://my.logs-2024/AWSLogs/123456789012/', { bucket: 'my.logs-2024', prefix: 'AWSLogs/123456789012/' }],
    ['s3://abc/AWSLogs/123456789012', { bucket: 'abc', prefix: 'AWSLogs/123456789012/' }],
  ])('reads %s', (uri, expected) => {
    expect(parseS3Uri(uri)).toEqual(expected);
  });

  it.each([
    'http://x',
    'my-bucket/logs/',
    's3:/my-bucket',
    's3://',
    's3:///logs/',
    's3://Bad_Bucket/x',
    's3://ab',
    `s3://${'a'.repeat(64)}`,
    's3://-bucket',
    's3://bucket-',
    's3://my..bucket',
    's3://192.168.1.1/logs/',
  ])('refuses %s', (uri) => {
    expect(() => parseS3Uri(uri)).toThrow(S3UriError);
  });

  it('refuses a prefix longer than any key', () => {
    expect(() => parseS3Uri(`s3://bucket/${'k'.repeat(1024)}`)).toThrow(S3UriError);
    expect(parseS3Uri(`s3://bucket/${'k'.repeat(1023)}/`).prefix).toHaveLength(1024);
  });
});
