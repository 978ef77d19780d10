import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectFiles } from '@/lib/ingest/collect-files';
import { startIngest } from '@/lib/ingest/ingest-job';
import { parseView } from '@/lib/view/url-codec';
import { closeDatabases } from './database';
import { createDataset } from './datasets';
import { getEvents } from './get-events';
import { getIdentities } from './get-identities';
import { getIdentity } from './get-identity';
import { getOverview } from './get-overview';
import { getSessionChains } from './get-session-chains';
import { getTimeline } from './get-timeline';

// The session-chain fixture is synthetic, written so that each answer below can be read off it.
const dataDir = mkdtempSync(path.join(tmpdir(), 'trailscope-investigation-'));
const fixtures = path.join(process.cwd(), 'fixtures');
const chainRecords: { eventName: string; eventTime: string; userIdentity: { accessKeyId?: string; arn?: string }; errorCode?: string; eventSource: string }[] =
  JSON.parse(readFileSync(path.join(fixtures, 'session-chains/session-chains.json'), 'utf8')).Records;

const ALICE = 'arn:aws:iam::111111111111:user/alice';
const DEPLOYER = 'arn:aws:iam::111111111111:role/Deployer';
const AUDITOR = 'arn:aws:iam::222222222222:role/Auditor';
const view = (query = '') => parseView(new URLSearchParams(query));

async function ingest(...folders: string[]): Promise<string> {
  const files = (await Promise.all(folders.map((folder) => collectFiles(path.join(fixtures, folder))))).flat();
  const id = await createDataset({ name: folders.join(' + '), source: folders.join(', ') });
  await (await startIngest(id, files.filter((file) => !file.name.endsWith('.expected.json')))).done;
  return id;
}

let chainsId: string;
let sampleId: string;

beforeAll(async () => {
  process.env.TRAILSCOPE_DATA_DIR = dataDir;
  chainsId = await ingest('session-chains');
  sampleId = await ingest('seeds', 's3-layout');
});

afterAll(async () => {
  await closeDatabases();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('session chains', () => {
  it('follow the key an AssumeRole issued to what it did afterwards', async () => {
    const { issued } = await getSessionChains(chainsId, ALICE);
    const deploy = issued.find((session) => session.sessionName === 'alice-deploy')!;
    const signedByKey = chainRecords.filter((record) => record.userIdentity.accessKeyId === 'ASIADEPLOY0000000001');
    expect(deploy).toMatchObject({ accessKeyId: 'ASIADEPLOY0000000001', tiedBy: 'key', roleArn: DEPLOYER });
    expect(deploy.used).toMatchObject({
      identityKey: DEPLOYER,
      events: signedByKey.length,
      errors: signedByKey.filter((record) => record.errorCode).length,
      services: new Set(signedByKey.map((record) => record.eventSource)).size,
    });
    // The table filtered by that key shows exactly those events.
    expect((await getEvents(chainsId, view('accessKey=ASIADEPLOY0000000001'))).rows.map((row) => row.eventName).sort()).toEqual(
      signedByKey.map((record) => record.eventName).sort(),
    );
  });

  it('take a cross-account key from the role owner’s copy when the caller’s copy lacks it', async () => {
    const audit = (await getSessionChains(chainsId, ALICE)).issued.find((session) => session.roleArn === AUDITOR)!;
    expect(audit).toMatchObject({ accessKeyId: 'ASIAAUDIT00000000001', tiedBy: 'sharedEventID', used: { identityKey: AUDITOR, accountId: '222222222222', events: 3 } });
  });

  it('tell which call created a session, and across accounts who made it', async () => {
    const { origins, issued } = await getSessionChains(chainsId, AUDITOR);
    expect(issued).toEqual([]);
    expect(origins).toHaveLength(1);
    expect(origins[0]!.accessKeyId).toBe('ASIAAUDIT00000000001');
    expect(origins[0]!.createdBy.map(({ identityKey, tiedBy, accountId }) => ({ identityKey, tiedBy, accountId }))).toEqual([
      { identityKey: 'account:111111111111', tiedBy: 'key', accountId: '222222222222' },
      { identityKey: ALICE, tiedBy: 'sharedEventID', accountId: '111111111111' },
    ]);
    const deployer = await getSessionChains(chainsId, DEPLOYER);
    expect(deployer.origins.map((origin) => [origin.accessKeyId, origin.createdBy.map((call) => call.identityDisplay)])).toEqual([
      ['ASIADEPLOY0000000001', ['alice']],
      ['ASIADEPLOY0000000002', ['bob']],
    ]);
  });

  it('link real stratus-red-team AssumeRole calls to the key’s later calls', async () => {
    const records = readFileSync(path.join(fixtures, 'real-logs/stratus-red-team/aws.credential-access.ec2-get-password-data.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line));
    const assume = records.find(
      (record) => record.eventName === 'AssumeRole' && records.some((other) => other.userIdentity?.accessKeyId === record.responseElements?.credentials?.accessKeyId),
    );
    const key = assume.responseElements.credentials.accessKeyId;
    const callerKey = (await getEvents(sampleId, view(`accessKey=${assume.userIdentity.accessKeyId}&event=AssumeRole&limit=1`))).rows[0]!.identity.key;
    const session = (await getSessionChains(sampleId, callerKey)).issued.find((item) => item.accessKeyId === key)!;
    expect(session.used?.events).toBe(records.filter((record) => record.userIdentity?.accessKeyId === key).length);
  });
});

describe('identities', () => {
  it('list each principal with its counts, searched and sorted', async () => {
    const all = await getIdentities(chainsId, view(), { by: 'events', dir: 'desc' });
    expect(all.total).toBe(7);
    expect(all.identities[0]).toMatchObject({ key: DEPLOYER, events: 4, errors: 1, services: 4, sourceIps: 2, mfa: false, account: '111111111111' });
    expect(all.identities.find((item) => item.key === ALICE)).toMatchObject({ events: 3, mfa: true, first: '2023-03-01T09:55:00.000Z', last: '2023-03-01T12:00:00.000Z' });
    const found = await getIdentities(chainsId, view(), { find: 'AUDIT', by: 'name', dir: 'asc' });
    expect(found.identities.map((item) => item.key)).toEqual([AUDITOR]);
    const byErrors = await getIdentities(chainsId, view('error=any'), { by: 'errors', dir: 'desc' });
    // One error each: the tie goes to the key, and account 111… sorts before 222….
    expect(byErrors.identities.map((item) => item.display)).toEqual(['Deployer', 'Auditor']);
    expect((await getIdentities(chainsId, view(), { find: '100%_\\', by: 'events', dir: 'desc' })).total).toBe(0);
  });

  it('drill down into a role: its sessions, errors, and sightings new to it', async () => {
    const deployer = (await getIdentity(chainsId, DEPLOYER, view()))!;
    expect(deployer.sessions.map((session) => [session.sessionName, session.events])).toEqual([
      ['alice-deploy', 3],
      ['bob-deploy', 1],
    ]);
    expect(deployer.errors).toEqual([expect.objectContaining({ errorCode: 'AccessDenied', eventName: 'CreateUser', count: 1 })]);
    expect(deployer.sightings.sourceIps.map((ip) => [ip.value, ip.isNew])).toEqual([
      ['198.51.100.7', false],
      ['192.0.2.20', true],
    ]);
    // A range that starts after its first activity still knows an address seen before it.
    const later = (await getIdentity(chainsId, ALICE, view('from=2023-03-01T10:00:00Z')))!;
    expect(later.principal.events).toBe(2);
    expect(later.sightings.sourceIps.map((ip) => [ip.value, ip.isNew, ip.firstInDataset])).toEqual([
      ['198.51.100.7', false, '2023-03-01T09:55:00.000Z'],
      ['203.0.113.9', true, '2023-03-01T12:00:00.000Z'],
    ]);
    expect(later.consoleSignIns).toEqual([]);
    const alice = (await getIdentity(chainsId, ALICE, view()))!;
    expect(alice.consoleSignIns).toEqual([expect.objectContaining({ result: 'Success', mfaUsed: 'Yes', sourceIp: '198.51.100.7' })]);
    expect(await getIdentity(chainsId, 'arn:aws:iam::999999999999:user/nobody', view())).toBeNull();
  });

  it('count the redactions in an identity’s events', async () => {
    const listed = await getIdentities(sampleId, view('redacted=any'), { by: 'redacted', dir: 'desc' });
    const top = listed.identities[0]!;
    const detail = (await getIdentity(sampleId, top.key, view()))!;
    const events = (await getEvents(sampleId, view(`identity=${encodeURIComponent(top.key)}&redacted=any&limit=1000`))).rows;
    const spots = events.flatMap((row) => row.redactions);
    expect(detail.principal.redacted).toBe(events.length);
    expect(detail.redactions.byKind.reduce((sum, kind) => sum + kind.spots, 0)).toBe(spots.length);
  });
});

describe('overview and timeline', () => {
  it('summarize coverage of a view, against a plain count of the fixture', async () => {
    const overview = await getOverview(chainsId, view());
    expect(overview).toMatchObject({ total: chainRecords.length, errors: 2, hasUsEast1: true, timeRange: { from: '2023-03-01T09:55:00.000Z', to: '2023-03-01T13:10:00.000Z' } });
    expect(overview.accounts.map((account) => [account.value, account.count])).toEqual([
      ['111111111111', 10],
      ['222222222222', 4],
    ]);
    expect(overview.perDay).toEqual([{ day: '2023-03-01', count: 14, errors: 2 }]);
    // 09:55, 10:xx, 11:xx, 12:xx and 13:xx are all active hours: no silence.
    expect(overview.gapCount).toBe(0);
    expect((await getOverview(chainsId, view('region=!us-east-1'))).hasUsEast1).toBe(false);
  });

  it('find the organization, gaps, skipped digests and redactions of the sample', async () => {
    const overview = await getOverview(sampleId, view());
    expect(overview.organizations).toEqual(['o-exampleorg1']);
    expect(overview.gapCount).toBeGreaterThan(0);
    expect(overview.gaps[0]!.hours).toBeGreaterThanOrEqual(overview.gaps.at(-1)!.hours);
    expect(overview.reading.skipped.find((item) => item.reason === 'CloudTrail digest file')?.count).toBeGreaterThan(0);
    const redacted = (await getEvents(sampleId, view('redacted=protected&limit=1000'))).rows;
    const protectedSpots = redacted.flatMap((row) => row.redactions).filter((spot) => spot.kind === 'protected').length;
    expect(overview.redactions.byKind.find((kind) => kind.value === 'protected')).toEqual({ value: 'protected', label: null, spots: protectedSpots, events: redacted.length });
  });

  it('open the events behind each redacted field path, and only those', async () => {
    const { byPath } = (await getOverview(sampleId, view())).redactions;
    expect(byPath.length).toBeGreaterThan(1);
    for (const path of byPath) {
      const rows = (await getEvents(sampleId, view(`redactedPath=${encodeURIComponent(path.value)}&limit=1000`))).rows;
      expect(rows.length, path.value).toBe(path.events);
      for (const row of rows) expect(row.redactions.map((spot) => spot.path)).toContain(path.value);
      const others = (await getEvents(sampleId, view(`redactedPath=!${encodeURIComponent(path.value)}&redacted=any&limit=1000`))).rows;
      for (const row of others) expect(row.redactions.map((spot) => spot.path)).not.toContain(path.value);
    }
  });

  it('draw one lane per service, ordered as asked, with errors and redactions per bucket', async () => {
    const timeline = await getTimeline(sampleId, view(), 'volume');
    const services = new Set((await getEvents(sampleId, view('limit=1000'))).rows.map((row) => row.eventSource));
    expect(timeline.lanes.map((lane) => lane.eventSource).sort()).toEqual([...services].sort());
    for (const lane of timeline.lanes) {
      expect(lane.counts.reduce((sum, n) => sum + n, 0)).toBe(lane.total);
      expect(lane.errorCounts.reduce((sum, n) => sum + n, 0)).toBe(lane.errors);
      expect(lane.counts).toHaveLength(timeline.starts.length);
    }
    const totals = timeline.lanes.map((lane) => lane.total);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    const first = (await getTimeline(sampleId, view(), 'first')).lanes.map((lane) => lane.first!);
    expect(first).toEqual([...first].sort());
    const named = (await getTimeline(chainsId, view(), 'name')).lanes.map((lane) => lane.serviceName.toLowerCase());
    expect(named).toEqual([...named].sort());
    const errors = (await getTimeline(chainsId, view(), 'errors')).lanes;
    expect(errors.slice(0, 2).map((lane) => lane.serviceName).sort()).toEqual(['AWS CloudTrail', 'AWS IAM']);
    expect((await getTimeline(chainsId, view('service=nothing.amazonaws.com'))).lanes).toEqual([]);
  });
});
