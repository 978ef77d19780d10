import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectFiles } from '@/lib/ingest/collect-files';
import { startIngest } from '@/lib/ingest/ingest-job';
import { parseView } from '@/lib/view/url-codec';
import { closeDatabases } from './database';
import { createDataset, deleteDataset, getDataset, listDatasets } from './datasets';
import { getEvents } from './get-events';
import { getProblems } from './problems';

const dataDir = mkdtempSync(path.join(tmpdir(), 'trailscope-store-'));
const seeds = path.join(process.cwd(), 'fixtures/seeds');

async function ingestText(text: string): Promise<string> {
  const file = path.join(dataDir, `pasted-${Date.now()}.txt`);
  writeFileSync(file, text);
  return ingestPaths(file);
}

async function ingestPaths(...paths: string[]): Promise<string> {
  const files = (await Promise.all(paths.map(collectFiles))).flat().filter((file) => !file.name.endsWith('.expected.json'));
  const id = await createDataset({ name: 'test', source: paths.join(', ') });
  await startIngest(id, files);
  return id;
}

let seedsId: string;

beforeAll(async () => {
  process.env.TRAILSCOPE_DATA_DIR = dataDir;
  seedsId = await ingestPaths(seeds);
});

// Every record read is stored, removed as a duplicate or quarantined: nothing else can happen to it.
async function expectCountsReconcile(id: string) {
  const dataset = await getDataset(id);
  expect(dataset!.progress.recordsSeen).toBe(dataset!.stats.records + dataset!.stats.duplicates + dataset!.stats.quarantined);
}

afterAll(async () => {
  await closeDatabases();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the store', () => {
  it('ingests the 17 seed records and reports what was repaired', async () => {
    const dataset = await getDataset(seedsId);
    expect(dataset).toMatchObject({
      status: 'ready',
      stats: { records: 17, duplicates: 0, quarantined: 0, repaired: 7, failedFiles: 0 },
      progress: { filesTotal: 5, filesDone: 5, recordsSeen: 17 },
      timeRange: { from: '2014-04-04T17:27:28.000Z', to: '2020-12-01T16:14:31.000Z' },
    });
    expect(seedsId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    await expectCountsReconcile(seedsId);
  });

  it('filters by service, with negation, and pages through the result', async () => {
    const config = await getEvents(seedsId, parseView(new URLSearchParams('service=config.amazonaws.com')));
    expect(config.total).toBe(10);
    expect(new Set(config.rows.map((row) => row.eventSource))).toEqual(new Set(['config.amazonaws.com']));
    const others = await getEvents(seedsId, parseView(new URLSearchParams('service=!config.amazonaws.com')));
    expect(others.total).toBe(7);
    const firstPage = await getEvents(seedsId, parseView(new URLSearchParams('limit=5&sort=time&order=asc')));
    expect(firstPage.rows.map((row) => row.eventTime)).toEqual([...firstPage.rows.map((row) => row.eventTime)].sort());
    expect(firstPage.nextCursor).toBe(5);
    const secondPage = await getEvents(seedsId, parseView(new URLSearchParams('limit=5&sort=time&order=asc&cursor=5')));
    expect(secondPage.rows[0]!.eventTime! >= firstPage.rows[4]!.eventTime!).toBe(true);
  });

  it('finds redactions and repairs through the view', async () => {
    const protectedRows = await getEvents(seedsId, parseView(new URLSearchParams('redacted=protected')));
    expect(protectedRows.rows.map((row) => row.eventName)).toEqual(['CreatePrivateVirtualInterface']);
    const notLogged = await getEvents(seedsId, parseView(new URLSearchParams('redacted=response-not-logged')));
    expect(notLogged.rows.map((row) => row.eventName)).toEqual(['GetContactAttributes']);
    const repaired = await getEvents(seedsId, parseView(new URLSearchParams('repaired=true')));
    expect(repaired.total).toBe(7);
  });

  it('binds hostile filter values as data', async () => {
    for (const hostile of ["'; DROP TABLE events; --", '%', '_', "\\' OR 1=1 --", '" OR ""="']) {
      const params = new URLSearchParams();
      params.append('service', hostile);
      params.append('q', hostile);
      expect((await getEvents(seedsId, parseView(params))).total).toBe(0);
    }
    expect((await getEvents(seedsId, parseView(new URLSearchParams()))).total).toBe(17);
  });

  it('stores identical records once and counts the duplicates', async () => {
    const id = await ingestPaths(path.join(seeds, '004-config.json'), path.join(seeds, '004-config.json'));
    expect(await getDataset(id)).toMatchObject({ stats: { records: 10, duplicates: 10 }, progress: { recordsSeen: 20 } });
    await expectCountsReconcile(id);
  });

  it('keeps quarantined records and file errors visible as problems', async () => {
    const id = await ingestPaths(path.join(process.cwd(), 'fixtures/s3-layout'));
    const dataset = await getDataset(id);
    expect(dataset?.stats).toMatchObject({ records: 312, quarantined: 0, skippedFiles: 36, failedFiles: 0 });
    const problems = await getProblems(id);
    expect(problems).toHaveLength(36);
    expect(problems.every((problem) => problem.kind === 'skipped' && problem.file.includes('CloudTrail-Digest'))).toBe(true);
    await expectCountsReconcile(id);
  });

  it('reconciles counts when records are quarantined and files fail', async () => {
    const id = await ingestPaths(path.join(process.cwd(), 'fixtures/archives'), path.join(seeds, '001-mediaconnect.json'));
    expect((await getDataset(id))?.stats).toMatchObject({ records: 5, quarantined: 0, failedFiles: 1 });
    const broken = await ingestText('{"eventID": "a", "eventName": "X"}\n{"eventID": "b", "eventName": \n{"eventID": "c", "eventName": "Z"}\n');
    expect((await getDataset(broken))?.stats).toMatchObject({ records: 2, quarantined: 1 });
    await expectCountsReconcile(id);
    await expectCountsReconcile(broken);
  });

  it('deletes a dataset with its events', async () => {
    const id = await ingestPaths(path.join(seeds, '002-connect.json'));
    expect(await deleteDataset(id)).toBe(true);
    expect(await getDataset(id)).toBeNull();
    expect((await listDatasets()).some((dataset) => dataset.id === id)).toBe(false);
  });
});
