import crypto from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LogFile } from './log-file';
import { UploadTooLargeError } from './receive-upload';
import { downloadS3Prefix, parseS3Uri, S3UriError } from './s3-prefix';

// s3rver is a real S3 REST API (ListObjectsV2 with continuation tokens, streamed GetObject, access
// key checks) that runs inside this process on a temp directory: no Docker, Java or network. The
// newer in-process emulators on npm (fauxqs, the @20minutes/s3rver fork) need Node 22 or 24, and
// this project runs on 20. s3rver is old, so its quirks are worked around below, each where it bites.
const fixtures = path.join(process.cwd(), 'fixtures/s3-layout');
const scratch = mkdtempSync(path.join(tmpdir(), 'trailscope-s3-'));
const bucket = 'trail-logs';
const pagedNames = Array.from({ length: 25 }, (_, index) => `${String(index).padStart(2, '0')}.json`);
const s3rver = new S3rver({ directory: path.join(scratch, 's3rver'), silent: true });
const handle = s3rver.callback();
// GET requests wait on this, so a test can change an object between the listing and its download.
let holdGets: Promise<unknown> = Promise.resolve();
let pagedListings = 0;
let requests = 0;
const server = createServer((request, response) => {
  requests += 1;
  // S3 pages at 1000 keys. s3rver pages wrongly when a folder name is a prefix of a sibling's, as
  // CloudTrail/ is of CloudTrail-Digest/, so only the flat paged/ folder is listed in small pages.
  // s3rver checks no SigV4 signature, only the access key, so adding to the signed query is harmless.
  if (new URL(request.url ?? '/', 'http://127.0.0.1').searchParams.get('prefix') === 'paged/') {
    pagedListings += 1;
    request.url += '&max-keys=10';
  }
  if (request.method === 'GET') void holdGets.catch(() => undefined).then(() => handle(request, response));
  else handle(request, response);
});
let endpoint = '';
let admin: S3Client;
let fixtureNames: string[] = [];
let downloads = 0;

// s3rver encrypts continuation tokens with single DES, which OpenSSL 3 (Node 17 and later) leaves
// out, so any listing longer than one page fails with InternalError. Triple DES with one key three
// times over is single DES, and OpenSSL 3 still offers it.
function allowSingleDes() {
  type Create = (algorithm: string, key: Buffer, iv: Buffer) => unknown;
  for (const name of ['createCipheriv', 'createDecipheriv'] as const) {
    const create = crypto[name] as Create;
    const patched: Create = (algorithm, key, iv) =>
      algorithm === 'des' ? create('des-ede3-cbc', Buffer.concat([key, key, key]), iv) : create(algorithm, key, iv);
    vi.spyOn(crypto, name).mockImplementation(patched as (typeof crypto)[typeof name]);
  }
}

function put(key: string, body: Buffer | string) {
  // A whole buffer is sent as is; a stream body would make SDK v3 send aws-chunked data with a
  // trailing CRC32, which s3rver would store framing and all.
  return admin.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
}

function download(prefix: string, options: { maxBytes?: number; onFile?: (file: LogFile) => void; signal?: AbortSignal } = {}) {
  const directory = path.join(scratch, `download-${downloads++}`);
  return downloadS3Prefix(`s3://${bucket}/${prefix}`, directory, { endpoint, maxBytes: 100 * 1024 ** 2, ...options });
}

beforeAll(async () => {
  allowSingleDes();
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'S3RVER');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'S3RVER');
  vi.stubEnv('AWS_SESSION_TOKEN', undefined);
  vi.stubEnv('AWS_REGION', 'us-east-1');
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  admin = new S3Client({ endpoint, forcePathStyle: true });
  await admin.send(new CreateBucketCommand({ Bucket: bucket }));

  const entries = await readdir(fixtures, { recursive: true, withFileTypes: true });
  fixtureNames = entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(fixtures, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort((a, b) => a.localeCompare(b));
  await Promise.all([
    ...fixtureNames.map(async (name) => put(`trail/${name}`, await readFile(path.join(fixtures, name)))),
    ...pagedNames.map((name) => put(`paged/${name}`, name)),
    put('odd/folder/', Buffer.alloc(0)),
    put('odd/folder/a.json', '{"Records":[]}'),
    put('odd/folder-2/b.json', '{"Records":[]}'),
    put('grow/a.json', '0123456789'),
    put('grow/b.json', '0123456789'),
  ]);
}, 20_000);

afterAll(async () => {
  admin?.destroy();
  await new Promise((resolve) => server.close(resolve));
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
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
