import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type S3TestServer, startS3TestServer } from '@/lib/ingest/s3-test-server';
import { closeDatabases } from '@/lib/store/database';
import * as dataset from './datasets/[id]/route';
import * as datasets from './datasets/route';
import { context, get, postJson, waitUntilRead } from './route-test-support';

// POST /api/datasets with an S3 source, end to end: a real S3 API in-process, a real store in a
// scratch data directory, the route handlers called as Next.js calls them.
const dataDir = mkdtempSync(path.join(tmpdir(), 'trailscope-api-s3-'));
const bucket = 'trail-logs';
const uri = `s3://${bucket}/trail/`;
let s3: S3TestServer;

// The s3-layout tree holds the Stratus Red Team logs, one record per line of these files.
function stratusRecordCount(): number {
  const folder = path.join(process.cwd(), 'fixtures/real-logs/stratus-red-team');
  return readdirSync(folder)
    .filter((name) => name.endsWith('.jsonl'))
    .reduce((sum, name) => sum + readFileSync(path.join(folder, name), 'utf8').split('\n').filter((line) => line.trim()).length, 0);
}

async function datasetIds(): Promise<string[]> {
  const { datasets: list } = await (await datasets.GET(get('/api/datasets'))).json();
  return list.map((item: { id: string }) => item.id).sort();
}

/** Posts a source that must be refused, checking the error code and that no dataset is left behind. */
async function expectRefused(source: unknown, status: number, code: string) {
  const before = await datasetIds();
  const response = await datasets.POST(postJson('/api/datasets', source));
  expect(response.status).toBe(status);
  expect((await response.json()).error.code).toBe(code);
  expect(await datasetIds()).toEqual(before);
}

beforeAll(async () => {
  s3 = await startS3TestServer();
  await s3.createBucket(bucket);
  await s3.putFolder(bucket, 'trail/', path.join(process.cwd(), 'fixtures/s3-layout'));
  vi.stubEnv('TRAILSCOPE_DATA_DIR', dataDir);
  vi.stubEnv('TRAILSCOPE_S3_ENDPOINTS', s3.endpoint);
}, 20_000);

afterAll(async () => {
  await closeDatabases();
  await s3?.close();
  vi.unstubAllEnvs();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('POST /api/datasets with an S3 source', () => {
  it('reads every log under the prefix from an allowed endpoint, skipping digest files', async () => {
    const created = await datasets.POST(postJson('/api/datasets', { s3: uri, endpoint: s3.endpoint }));
    expect(created.status).toBe(202);
    const { id } = await created.json();
    const body = await waitUntilRead(id);
    expect(body).toMatchObject({
      status: 'ready',
      name: uri,
      source: uri,
      error: null,
      stats: { records: stratusRecordCount(), quarantined: 0, skippedFiles: 36, failedFiles: 0 },
    });
    expect(body.stats.records).toBe(312);
  }, 20_000);

  it('refuses an endpoint the operator did not list with 403, before any dataset is kept', async () => {
    await expectRefused({ s3: uri, endpoint: 'http://127.0.0.1:9/' }, 403, 'endpoint_not_allowed');
  });

  it('refuses a location that is not an s3:// URI with 400', async () => {
    await expectRefused({ s3: 'http://nope' }, 400, 'bad_source');
  });

  it('answers at once and downloads in the background, where a refusal by S3 fails the dataset with S3’s reason', async () => {
    const created = await datasets.POST(postJson('/api/datasets', { s3: 's3://no-such-bucket/trail/', endpoint: s3.endpoint }));
    expect(created.status).toBe(202);
    const { id } = await created.json();
    expect(await waitUntilRead(id)).toMatchObject({ status: 'failed', error: expect.stringMatching(/NoSuchBucket|does not exist/) });
  });

  it('stops a download when its dataset is deleted, and leaves no files behind', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const slow = await startS3TestServer({ onRequest: (request) => (request.method === 'GET' && request.url?.includes('.json.gz') ? held : undefined) });
    try {
      await slow.createBucket(bucket);
      await slow.putFolder(bucket, 'trail/', path.join(process.cwd(), 'fixtures/s3-layout'));
      vi.stubEnv('TRAILSCOPE_S3_ENDPOINTS', `${s3.endpoint} ${slow.endpoint}`);
      const { id } = await (await datasets.POST(postJson('/api/datasets', { s3: uri, endpoint: slow.endpoint }))).json();
      const deleting = dataset.DELETE(get(''), context({ id }));
      release();
      expect((await deleting).status).toBe(204);
      expect(existsSync(path.join(dataDir, 'uploads', id))).toBe(false);
      expect(await datasetIds()).not.toContain(id);
    } finally {
      release();
      await slow.close();
      vi.stubEnv('TRAILSCOPE_S3_ENDPOINTS', s3.endpoint);
    }
  }, 20_000);
});
