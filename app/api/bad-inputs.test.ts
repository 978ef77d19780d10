import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { badCases, peakRssGrowthMb, prepareBadCorpus } from '@/lib/ingest/bad-corpus-test-support';
import { closeDatabases } from '@/lib/store/database';
import * as files from './datasets/[id]/files/route';
import * as problems from './datasets/[id]/problems/route';
import * as datasets from './datasets/route';
import { context, get, postJson, waitUntilRead } from './route-test-support';

// Hostile inputs sent to the HTTP API as one upload, and requests over each configured limit.
const dataDir = mkdtempSync(path.join(tmpdir(), 'trailscope-bad-api-'));
const scratch = mkdtempSync(path.join(tmpdir(), 'trailscope-bad-files-'));
let pathOf: (file: string) => string;

// Writing the bombs takes a few seconds of compression.
beforeAll(() => {
  process.env.TRAILSCOPE_DATA_DIR = dataDir;
  pathOf = prepareBadCorpus(scratch);
}, 120_000);
afterEach(() => {
  for (const name of ['TRAILSCOPE_MAX_UPLOAD_BYTES', 'TRAILSCOPE_MAX_FILES_PER_DATASET', 'TRAILSCOPE_MAX_PASTE_BYTES']) delete process.env[name];
});
afterAll(async () => {
  await closeDatabases();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(scratch, { recursive: true, force: true });
});

function upload(url: string, names: string[], read: (name: string) => Uint8Array = (name) => readFileSync(pathOf(name))): Request {
  const form = new FormData();
  for (const name of names) form.append('file', new Blob([read(name) as Uint8Array<ArrayBuffer>]), name);
  return new Request(`http://127.0.0.1${url}`, { method: 'POST', body: form });
}

/** A multipart upload of `totalBytes` made up on the fly, and how many bytes the server pulled from it. */
function endlessUpload(totalBytes: number) {
  const boundary = 'trailscope-endless';
  const chunk = new Uint8Array(1024 ** 2).fill(0x20);
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="huge.json"\r\n\r\n`));
    },
    pull(controller) {
      if (sent >= totalBytes) {
        controller.enqueue(new TextEncoder().encode(`\r\n--${boundary}--\r\n`));
        controller.close();
        return;
      }
      sent += chunk.length;
      controller.enqueue(chunk);
    },
  });
  const request = new Request('http://127.0.0.1/api/datasets', {
    method: 'POST',
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    body,
    duplex: 'half',
  } as RequestInit);
  return { request, pulled: () => sent };
}

async function datasetIds(): Promise<string[]> {
  return (await (await datasets.GET(get('/api/datasets'))).json()).datasets.map((dataset: { id: string }) => dataset.id);
}

describe('hostile uploads', () => {
  it('loads a batch of every hostile input: each file gets its own outcome, the good ones load, the server stays up', async () => {
    const cases = badCases();
    const created = await datasets.POST(upload('/api/datasets', cases.map((item) => item.file)));
    expect(created.status).toBe(202);
    const { id } = await created.json();
    const dataset = await waitUntilRead(id);
    expect(dataset.status).toBe('ready');
    expect(dataset.stats.records).toBe(cases.reduce((sum, item) => sum + item.events, 0));
    const found = (await (await problems.GET(get(`/api/datasets/${id}/problems`), context({ id }))).json()).problems;
    for (const item of cases) {
      const mine = found.filter((problem: { file: string }) => problem.file === item.file || problem.file.startsWith(`${item.file}/`));
      expect(mine.map(({ kind, file, reason }: Record<string, string>) => ({ kind, file, reason })), item.file).toEqual(
        item.problems.map((problem) => ({ ...problem, reason: expect.stringContaining(problem.reason) })),
      );
    }
  }, 60_000);

  it('answers a 2 GB upload over the limit with 413 after reading no more than the limit, and loses nothing else', async () => {
    process.env.TRAILSCOPE_MAX_UPLOAD_BYTES = String(64 * 1024 ** 2);
    const before = await datasetIds();
    const endless = endlessUpload(2 * 1024 ** 3);
    let status = 0;
    const growth = await peakRssGrowthMb(async () => {
      const response = await datasets.POST(endless.request);
      status = response.status;
      expect((await response.json()).error).toMatchObject({ code: 'too_large', message: expect.stringContaining(String(64 * 1024 ** 2)) });
    });
    expect(status).toBe(413);
    // The figures of docs/reliability.md.
    console.info(`2 GiB upload against a 64 MiB limit: 413 after ${(endless.pulled() / 1024 ** 2).toFixed(0)} MiB pulled, peak RSS +${growth.toFixed(0)} MB`);
    expect(endless.pulled()).toBeLessThan(80 * 1024 ** 2);
    expect(growth, `memory grew ${growth.toFixed(0)} MB`).toBeLessThan(200);
    expect(await datasetIds()).toEqual(before);
    expect(readdirSync(path.join(dataDir, 'uploads')).sort()).toEqual([...before].sort());
  }, 60_000);

  it('refuses a declared length over the limit before reading the body', async () => {
    process.env.TRAILSCOPE_MAX_UPLOAD_BYTES = '1000';
    const endless = endlessUpload(10 * 1024 ** 2);
    endless.request.headers.set('content-length', String(2 * 1024 ** 3));
    expect((await datasets.POST(endless.request)).status).toBe(413);
    expect(endless.pulled()).toBe(0);
  });

  it('answers pasted text over its limit with 413', async () => {
    process.env.TRAILSCOPE_MAX_PASTE_BYTES = '100';
    const response = await datasets.POST(postJson('/api/datasets', { text: 'x'.repeat(200) }));
    expect(response.status).toBe(413);
    expect((await response.json()).error.message).toContain('the request body is over the limit of 100 bytes');
  });

  it('holds no more files in a dataset than the limit, whichever way they come', async () => {
    process.env.TRAILSCOPE_MAX_FILES_PER_DATASET = '2';
    const names = ['good.jsonl', 'crlf.jsonl', 'utf8-bom.json'];
    const tooMany = await datasets.POST(upload('/api/datasets', names));
    expect(tooMany.status).toBe(413);
    expect((await tooMany.json()).error.code).toBe('too_many_files');
    const folder = await datasets.POST(postJson('/api/datasets', { path: path.join(process.cwd(), 'fixtures/bad') }));
    expect(folder.status).toBe(413);

    const created = await datasets.POST(upload('/api/datasets', names.slice(0, 2)));
    const { id } = await created.json();
    expect((await waitUntilRead(id)).stats.records).toBe(4);
    const more = await files.POST(upload(`/api/datasets/${id}/files`, names.slice(2)), context({ id }));
    expect(more.status).toBe(413);
    expect((await waitUntilRead(id)).stats.records).toBe(4);
  });
});
