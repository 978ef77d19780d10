import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabases } from '@/lib/store/database';
import * as datasets from './datasets/route';
import * as identity from './datasets/[id]/identities/[...key]/route';
import * as identities from './datasets/[id]/identities/route';
import * as overview from './datasets/[id]/overview/route';
import * as timeline from './datasets/[id]/timeline/route';
import { context, get, postJson, waitUntilRead } from './route-test-support';

// The investigation routes over the synthetic session-chain fixture, whose answers are known.
const dataDir = mkdtempSync(path.join(tmpdir(), 'trailscope-investigation-api-'));
const ALICE = 'arn:aws:iam::111111111111:user/alice';
let id: string;

beforeAll(async () => {
  process.env.TRAILSCOPE_DATA_DIR = dataDir;
  const created = await datasets.POST(postJson('/api/datasets', { path: path.join(process.cwd(), 'fixtures/session-chains'), name: 'chains' }));
  id = (await created.json()).id;
  await waitUntilRead(id);
});

afterAll(async () => {
  await closeDatabases();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The path segments Next.js hands a catch-all route for an encoded key. */
const keySegments = (key: string) => ({ id, key: [key] });

describe('the investigation API', () => {
  it('answers the overview of a view', async () => {
    const body = await (await overview.GET(get(`/api/datasets/${id}/overview?account=222222222222`), context({ id }))).json();
    expect(body).toMatchObject({ total: 4, errors: 1, hasUsEast1: true, accounts: [{ value: '222222222222', count: 4 }] });
    const bad = await overview.GET(get(`/api/datasets/${id}/overview?from=yesterday`), context({ id }));
    expect(bad.status).toBe(400);
    const missing = await overview.GET(get('/api/datasets/nope/overview'), context({ id: 'nope' }));
    expect(missing.status).toBe(404);
  });

  it('orders timeline lanes as asked and refuses an unknown order', async () => {
    const body = await (await timeline.GET(get(`/api/datasets/${id}/timeline?lanes=name`), context({ id }))).json();
    const names = body.lanes.map((lane: { serviceName: string }) => lane.serviceName);
    expect(names).toEqual([...names].sort((a: string, b: string) => a.toLowerCase().localeCompare(b.toLowerCase())));
    const bad = await timeline.GET(get(`/api/datasets/${id}/timeline?lanes=loudest`), context({ id }));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: { code: 'bad_view', message: expect.stringContaining('lanes') } });
  });

  it('lists identities under a view, searched and sorted', async () => {
    const body = await (await identities.GET(get(`/api/datasets/${id}/identities?service=sts.amazonaws.com&by=name&dir=asc`), context({ id }))).json();
    expect(body.identities.map((item: { display: string }) => item.display)).toEqual(['alice', 'AWS account 111111111111', 'bob', 'carol@example.com']);
    const found = await (await identities.GET(get(`/api/datasets/${id}/identities?find=carol`), context({ id }))).json();
    expect(found).toMatchObject({ total: 1, identities: [{ type: 'SAMLUser' }] });
  });

  it('drills into one identity by its key, with its session chains', async () => {
    const response = await identity.GET(get(`/api/datasets/${id}/identities/${encodeURIComponent(ALICE)}`), context(keySegments(ALICE)));
    const body = await response.json();
    expect(body.principal).toMatchObject({ key: ALICE, display: 'alice', events: 3 });
    expect(body.chains.issued.map((session: { accessKeyId: string }) => session.accessKeyId)).toEqual(['ASIADEPLOY0000000001', 'ASIAAUDIT00000000001']);
    // A key whose slash was decoded into two segments is the same key.
    const split = await identity.GET(get(`/api/datasets/${id}/identities/${ALICE}`), context({ id, key: ALICE.split('/') }));
    expect((await split.json()).principal.key).toBe(ALICE);
    const unknown = await identity.GET(get(`/api/datasets/${id}/identities/nobody`), context(keySegments('nobody')));
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: { code: 'not_found', message: 'identity not found' } });
  });
});
