import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectFiles } from '@/lib/ingest/collect-files';
import { cancelIngest, startIngest } from '@/lib/ingest/ingest-job';
import { addToDataset, createDatasetFrom, serverPathSource } from '@/lib/ingest/sources';
import { parseView } from '@/lib/view/url-codec';
import { closeDatabases } from './database';
import { createDataset, deleteDataset, getCounters, getDataset, listDatasets, markIngesting, markInterrupted, saveCounters } from './datasets';
import { getEvents } from './get-events';
import { getSummary } from './get-summary';
import { createShortLink, getShortLink } from './short-links';
import { getProblems } from './problems';

const dataDir = mkdtempSync(path.join(tmpdir(), 'trailscope-store-'));
const seeds = path.join(process.cwd(), 'fixtures/seeds');

async function ingestText(text: string): Promise<string> {
  const file = path.join(dataDir, `pasted-${Date.now()}.txt`);
  writeFileSync(file, text);
  return ingestPaths(file);
}

async function ingestPaths(...paths: string[]): Promise<string> {
  const files = (await Promise.all(paths.map((root) => collectFiles(root)))).flat().filter((file) => !file.name.endsWith('.expected.json'));
  const id = await createDataset({ name: 'test', source: paths.join(', ') });
  await (await startIngest(id, files)).done;
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

  it('reads relative times back from the dataset’s last event', async () => {
    const count = async (query: string) => (await getEvents(seedsId, parseView(new URLSearchParams(query)))).total;
    // The newest seed record is 2020-12-01T16:14:31Z; then 2019-08-15, 2018-11-16, and 2014.
    expect(await count('from=-400d')).toBe(1);
    expect(await count('from=-800d')).toBe(3);
    expect(await count('to=-400d')).toBe(16);
    expect(await count('from=-1s&to=now')).toBe(1);
  });

  it('filters on any JSON path of the original record, against a plain reading of the fixtures', async () => {
    const realLogs = path.join(process.cwd(), 'fixtures/real-logs');
    const id = await ingestPaths(realLogs);
    const records = readdirSync(realLogs, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.jsonl'))
      .flatMap((name) => readFileSync(path.join(realLogs, name), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line)));
    const count = async (query: string) => (await getEvents(id, parseView(new URLSearchParams(query)))).total;

    expect(await count('f.additionalEventData.MFAUsed=No')).toBe(records.filter((r) => r.additionalEventData?.MFAUsed === 'No').length);
    expect(await count('f.errorMessage~NOT AUTHORIZED')).toBe(records.filter((r) => /not authorized/i.test(r.errorMessage ?? '')).length);
    expect(await count('f.errorMessage~!not authorized')).toBe(records.filter((r) => !/not authorized/i.test(r.errorMessage ?? '')).length);
    expect(await count('f.userIdentity.sessionContext.sessionIssuer.type=Role')).toBe(
      records.filter((r) => r.userIdentity?.sessionContext?.sessionIssuer?.type === 'Role').length,
    );
    expect(await count('f.readOnly=false')).toBe(records.filter((r) => String(r.readOnly) === 'false').length);
    expect(await count('f.tlsDetails.tlsVersion=TLSv1.3&service=sts.amazonaws.com')).toBe(
      records.filter((r) => r.tlsDetails?.tlsVersion === 'TLSv1.3' && r.eventSource === 'sts.amazonaws.com').length,
    );
    expect(await count('f.@version=1')).toBe(103);
    expect(await count('f.resources[0].type~AWS::EC2')).toBe(records.filter((r) => String(r.resources?.[0]?.type ?? '').includes('AWS::EC2')).length);
    expect(await count('f.additionalEventData.MFAUsed=No')).toBeGreaterThan(0);
  });

  it('summarizes a view: facets, histogram and per-service series from one compilation', async () => {
    const summary = await getSummary(seedsId, parseView(new URLSearchParams()));
    expect(summary.total).toBe(17);
    expect(summary.facets.service?.values).toEqual([
      { value: 'config.amazonaws.com', label: 'AWS Config', count: 10 },
      { value: 'directconnect.amazonaws.com', label: 'AWS Direct Connect', count: 4 },
      { value: 'connect.amazonaws.com', label: 'Amazon Connect', count: 1 },
      { value: 'devops-guru.amazonaws.com', label: 'Amazon DevOps Guru', count: 1 },
      { value: 'mediaconnect.amazonaws.com', label: 'AWS Elemental MediaConnect', count: 1 },
    ]);
    expect(summary.facets.redacted?.values).toEqual([
      { value: 'protected', label: null, count: 1 },
      { value: 'response-not-logged', label: null, count: 1 },
    ]);
    expect(summary.facets.error?.values).toEqual([{ value: 'none', label: null, count: 17 }]);
    expect(summary.facets.identity?.values[0]).toEqual({ value: 'arn:aws:iam::222222222222:user/JohnDoe', label: 'JohnDoe', count: 8 });
    const histogramTotal = summary.histogram.counts.reduce((sum, bucket) => sum + bucket.total, 0);
    expect(histogramTotal).toBe(17);
    expect(summary.histogram.counts.length).toBeLessThanOrEqual(80);
    expect(summary.histogram.starts[0]! <= '2014-04-04T17:27:28.000Z').toBe(true);
    const config = summary.services.series.find((series) => series.eventSource === 'config.amazonaws.com');
    expect(config?.counts.reduce((sum, n) => sum + n, 0)).toBe(10);
    expect(summary.services.series.map((series) => series.eventSource)).toHaveLength(5);

    const filtered = await getSummary(seedsId, parseView(new URLSearchParams('service=directconnect.amazonaws.com')));
    expect(filtered.total).toBe(4);
    expect(filtered.histogram.bucketSeconds).toBeLessThan(summary.histogram.bucketSeconds);
    expect(filtered.facets.event?.values.map((value) => value.value).sort()).toEqual([
      'CreateConnection',
      'CreatePrivateVirtualInterface',
      'DescribeConnections',
      'DescribeVirtualInterfaces',
    ]);
  });

  it('keeps the whole dataset’s summary when a reading ends, equal to computing it, and renews it when files are added', async () => {
    const record = (id: string, eventSource: string) => ({ eventVersion: '1.08', eventID: id, eventTime: '2024-01-01T00:00:00Z', eventSource });
    const id = await ingestText(JSON.stringify({ Records: [record('a', 's3.amazonaws.com'), record('b', 'sts.amazonaws.com')] }));
    const kept = await getSummary(id, parseView(new URLSearchParams()));
    // A time bound before every event selects the same events but is computed, not kept.
    const computed = await getSummary(id, parseView(new URLSearchParams({ from: '2000-01-01T00:00:00Z' })));
    expect(kept).toEqual(computed);
    expect(kept.total).toBe(2);

    const more = path.join(dataDir, 'more.json');
    writeFileSync(more, JSON.stringify({ Records: [record('c', 'ec2.amazonaws.com')] }));
    await (await addToDataset(id, serverPathSource(more, { trusted: true }))).done;
    const renewed = await getSummary(id, parseView(new URLSearchParams()));
    expect(renewed.total).toBe(3);
    expect(renewed.facets.service?.values.map((value) => value.value)).toContain('ec2.amazonaws.com');
  });

  it('finds free text anywhere in the record, in any case', async () => {
    const count = async (q: string) => (await getEvents(seedsId, parseView(new URLSearchParams({ q })))).total;
    expect(await count('JOHNDOE')).toBe(8);
    expect(await count('eqse2')).toBe(2);
    expect(await count('config-api-test-pdx')).toBe(1);
  });

  it('binds hostile filter values as data', async () => {
    for (const hostile of ["'; DROP TABLE events; --", '%', '_', "\\' OR 1=1 --", '" OR ""="', '$.eventName', "') OR ('1'='1"]) {
      const params = new URLSearchParams();
      params.append('service', hostile);
      params.append('redactedPath', hostile);
      params.append('q', hostile);
      params.append('f.eventName', hostile);
      params.append(`f.eventName~${hostile}`, '');
      expect((await getEvents(seedsId, parseView(params))).total).toBe(0);
    }
    expect((await getEvents(seedsId, parseView(new URLSearchParams()))).total).toBe(17);
  });

  it('keeps records whose times lie far outside the usual years', async () => {
    const record = (id: string, eventTime: string) => ({ eventVersion: '1.08', eventID: id, eventTime, eventSource: 's3.amazonaws.com' });
    const id = await ingestText(JSON.stringify({ Records: [record('far', '+275760-09-13T00:00:00Z'), record('near', '2024-01-01T00:00:00Z')] }));
    const dataset = await getDataset(id);
    expect(dataset).toMatchObject({ status: 'ready', stats: { records: 2 } });
    expect(dataset?.timeRange.to).toBe('+275760-09-13T00:00:00.000Z');
    const summary = await getSummary(id, parseView(new URLSearchParams()));
    expect(summary.histogram.counts.length).toBeLessThanOrEqual(80);
    expect(summary.histogram.counts.reduce((sum, bucket) => sum + bucket.total, 0)).toBe(2);
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

  it('adds files to a dataset, removing what it already holds as duplicates', async () => {
    const { id, done } = await createDatasetFrom(serverPathSource(path.join(seeds, '002-connect.json'), { trusted: true }));
    await done;
    await (await addToDataset(id, serverPathSource(seeds, { trusted: true }))).done;
    const dataset = await getDataset(id);
    // seeds/ holds 17 records (one of them the Connect record already there) and five expected-values files.
    expect(dataset).toMatchObject({ status: 'ready', stats: { records: 17, duplicates: 1 }, progress: { filesTotal: 11, filesDone: 11 } });
    await expectCountsReconcile(id);
  });

  it('stops a reading when asked, keeping what was read, and says so', async () => {
    const big = path.join(dataDir, 'big.jsonl');
    const line = (i: number) => JSON.stringify({ eventID: `e${i}`, eventName: 'GetObject', eventTime: '2024-08-01T00:00:00Z', eventSource: 's3.amazonaws.com' });
    writeFileSync(big, Array.from({ length: 30_000 }, (_, i) => line(i)).join('\n'));
    const { id, done } = await createDatasetFrom(serverPathSource(big, { trusted: true }));
    expect(cancelIngest(id)).toBe(true);
    await done;
    const dataset = await getDataset(id);
    expect(dataset?.status).toBe('cancelled');
    expect(dataset!.stats.records).toBeLessThan(30_000);
    await expectCountsReconcile(id);
    expect(cancelIngest(id)).toBe(false);
  });

  it('marks datasets a stopped server left half-read', async () => {
    const id = await createDataset({ name: 'half', source: 'test' });
    await markIngesting(id);
    expect(await markInterrupted()).toBe(1);
    expect(await getDataset(id)).toMatchObject({ status: 'failed', error: expect.stringContaining('interrupted') });
  });

  it('counts what a stopped server had committed, so that the counts still reconcile', async () => {
    const id = await ingestPaths(path.join(seeds, '000-direct-connect.json'));
    await markIngesting(id);
    // Read but never committed when the server stopped: these records are lost and must not be counted.
    await saveCounters(id, { ...(await getCounters(id)), recordsSeen: 5000, filesTotal: 3 });
    expect(await markInterrupted()).toBe(1);
    const dataset = await getDataset(id);
    expect(dataset).toMatchObject({ status: 'failed', stats: { records: 4 }, error: expect.stringContaining('4 events') });
    await expectCountsReconcile(id);
  });

  it('keeps short links across a reopening of the store', async () => {
    const id = await createShortLink({ datasetId: seedsId, query: 'service=config.amazonaws.com&detail=x' });
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    await closeDatabases();
    expect(await getShortLink(id)).toEqual({ datasetId: seedsId, query: 'service=config.amazonaws.com&detail=x' });
    expect(await getShortLink('no-such-link')).toBeNull();
  });

  it('deletes a dataset with its events', async () => {
    const id = await ingestPaths(path.join(seeds, '002-connect.json'));
    expect(await deleteDataset(id)).toBe(true);
    expect(await getDataset(id)).toBeNull();
    expect((await listDatasets()).some((dataset) => dataset.id === id)).toBe(false);
  });
});
