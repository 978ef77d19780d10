import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabases } from '@/lib/store/database';
import * as cancel from './datasets/[id]/cancel/route';
import * as eventDetail from './datasets/[id]/events/[eventId]/route';
import * as events from './datasets/[id]/events/route';
import * as exportCsv from './datasets/[id]/export.csv/route';
import * as exportJsonl from './datasets/[id]/export.jsonl/route';
import * as files from './datasets/[id]/files/route';
import * as problems from './datasets/[id]/problems/route';
import * as dataset from './datasets/[id]/route';
import * as summary from './datasets/[id]/summary/route';
import * as datasets from './datasets/route';
import { context, get, postJson, waitUntilRead } from './route-test-support';

// The route handlers, called as Next.js calls them, over a real store in a scratch data directory.
const dataDir = mkdtempSync(path.join(tmpdir(), 'trailscope-api-'));

let id: string;

beforeAll(async () => {
  process.env.TRAILSCOPE_DATA_DIR = dataDir;
  const created = await datasets.POST(postJson('/api/datasets', { path: path.join(process.cwd(), 'fixtures/seeds'), name: 'seeds' }));
  expect(created.status).toBe(202);
  id = (await created.json()).id;
  await waitUntilRead(id);
});

afterAll(async () => {
  await closeDatabases();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the HTTP API', () => {
  it('creates a dataset from a server path and reports it', async () => {
    const body = await waitUntilRead(id);
    expect(body).toMatchObject({ name: 'seeds', status: 'ready', stats: { records: 17, repaired: 7 } });
    const list = await (await datasets.GET(get('/api/datasets'))).json();
    expect(list.datasets.map((item: { id: string }) => item.id)).toContain(id);
  });

  it('pages events of a view, and answers a bad view with 400 in the one error shape', async () => {
    const page = await (await events.GET(get(`/api/datasets/${id}/events?service=config.amazonaws.com&limit=4&sort=time&order=asc`), context({ id }))).json();
    expect(page.total).toBe(10);
    expect(page.rows).toHaveLength(4);
    expect(page.nextCursor).toBe(4);
    expect(page.rows[0]).toMatchObject({ eventSource: 'config.amazonaws.com', identity: { type: expect.any(String) }, redactions: [] });
    const bad = await events.GET(get(`/api/datasets/${id}/events?readOnly=perhaps`), context({ id }));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: { code: 'bad_view', message: expect.stringContaining('readOnly') } });
  });

  it('gives the full original record with its redactions and repairs', async () => {
    const [row] = (await (await events.GET(get(`/api/datasets/${id}/events?event=CreatePrivateVirtualInterface`), context({ id }))).json()).rows;
    const detail = await (await eventDetail.GET(get(`/api/datasets/${id}/events/${row.eventId}`), context({ id, eventId: row.eventId }))).json();
    expect(detail.record.requestParameters.newPrivateVirtualInterface.authKey).toBe('[PROTECTED]');
    expect(detail.redactions).toContainEqual({ path: 'responseElements.customerRouterConfig', kind: 'protected' });
    expect(detail.repairs).toEqual([expect.objectContaining({ kind: 'placeholder' })]);
    expect(detail.variants).toEqual([detail.contentHash]);
    const missing = await eventDetail.GET(get(`/api/datasets/${id}/events/nope`), context({ id, eventId: 'nope' }));
    expect(missing.status).toBe(404);
  });

  it('summarizes, lists problems, and exports the view as CSV and JSON Lines', async () => {
    const body = await (await summary.GET(get(`/api/datasets/${id}/summary?service=!config.amazonaws.com`), context({ id }))).json();
    expect(body.total).toBe(7);
    const problemList = await (await problems.GET(get(`/api/datasets/${id}/problems`), context({ id }))).json();
    expect(problemList.repaired).toHaveLength(7);
    // The expected-values files beside the seeds are JSON but no CloudTrail: each is one file error.
    expect(problemList.problems.filter((problem: { kind: string }) => problem.kind === 'file-error')).toHaveLength(5);
    const fileErrors = await (await problems.GET(get(`/api/datasets/${id}/problems?kind=file-error`), context({ id }))).json();
    expect(fileErrors).toEqual({ problems: problemList.problems.filter((problem: { kind: string }) => problem.kind === 'file-error') });
    const badKind = await problems.GET(get(`/api/datasets/${id}/problems?kind=file-error&kind=secrets`), context({ id }));
    expect(badKind.status).toBe(400);
    expect((await badKind.json()).error.code).toBe('bad_request');

    const csv = await exportCsv.GET(get(`/api/datasets/${id}/export.csv?service=directconnect.amazonaws.com&sort=time&order=asc&limit=1`), context({ id }));
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const table: Record<string, string>[] = parse(await csv.text(), { columns: true });
    expect(table).toHaveLength(4);
    expect(table.map((line) => line.eventName)).toEqual(['DescribeConnections', 'CreateConnection', 'DescribeVirtualInterfaces', 'CreatePrivateVirtualInterface']);
    expect(table[3]!.redactions).toBe('protected');

    const jsonl = await (await exportJsonl.GET(get(`/api/datasets/${id}/export.jsonl?service=config.amazonaws.com`), context({ id }))).text();
    const lines = jsonl.trimEnd().split('\n');
    expect(lines).toHaveLength(10);
    expect(lines.every((line) => JSON.parse(line).eventSource === 'config.amazonaws.com')).toBe(true);
  });

  it('adds text to a dataset, and refuses to cancel when nothing is being read', async () => {
    const record = { eventID: 'pasted-1', eventName: 'ConsoleLogin', eventSource: 'signin.amazonaws.com', eventTime: '2024-08-01T00:00:00Z' };
    const added = await files.POST(postJson(`/api/datasets/${id}/files`, { text: JSON.stringify(record) }), context({ id }));
    expect(added.status).toBe(202);
    expect((await waitUntilRead(id)).stats.records).toBe(18);
    const refused = await cancel.POST(postJson(`/api/datasets/${id}/cancel`, {}), context({ id }));
    expect(refused.status).toBe(409);
  });

  it('refuses server paths outside the log roots, symlinks, dot-dots and encoded dot-dots included, with 403', async () => {
    const link = path.join(process.cwd(), 'fixtures', `.escape-${process.pid}`);
    symlinkSync(tmpdir(), link);
    try {
      for (const requested of ['/etc', path.join(process.cwd(), 'fixtures/../package.json'), link, `${link}/x`, 'fixtures/%2e%2e/package.json',
        'fixtures/%252e%252e/package.json', 'fixtures/..%2fpackage.json', 'fixtures/\uff0e\uff0e/package.json', 'fixtures\\..\\package.json']) {
        const response = await datasets.POST(postJson('/api/datasets', { path: requested }));
        expect(response.status, requested).toBe(403);
        expect((await response.json()).error.code).toBe('path_outside_roots');
      }
    } finally {
      rmSync(link);
    }
  });

  it('deletes a dataset, then knows it no more', async () => {
    const created = await (await datasets.POST(postJson('/api/datasets', { text: '{"eventID": "x", "eventName": "Y"}' }))).json();
    await waitUntilRead(created.id);
    expect((await dataset.DELETE(get(''), context({ id: created.id }))).status).toBe(204);
    expect((await dataset.GET(get(''), context({ id: created.id }))).status).toBe(404);
  });
});
