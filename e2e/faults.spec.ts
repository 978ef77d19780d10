import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { type OwnServer, exitCodeOf, startOwnServer } from './own-server';

// Servers of the test's own, killed and restarted: what was committed survives, nothing doubles.
const scratch = mkdtempSync(path.join(tmpdir(), 'trailscope-faults-'));
const dataDir = path.join(scratch, 'data');
const logs = path.join(scratch, 'logs');
const FILES = 12;
const PER_FILE = 10_000;
const TOTAL = FILES * PER_FILE;

test.describe.configure({ mode: 'serial' });
test.setTimeout(300_000);

test.afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const json = async (server: OwnServer, route: string, init?: RequestInit) => (await fetch(`${server.url}${route}`, init)).json();
const post = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const start = () =>
  startOwnServer({ TRAILSCOPE_DATA_DIR: dataDir, TRAILSCOPE_LOG_ROOTS: logs });

interface DatasetAnswer {
  status: string;
  stats: { records: number; duplicates: number };
}

async function readingEnds(server: OwnServer, id: string): Promise<DatasetAnswer> {
  let dataset: DatasetAnswer = { status: 'ingesting', stats: { records: 0, duplicates: 0 } };
  await expect(async () => {
    dataset = await json(server, `/api/datasets/${id}`);
    expect(dataset.status).not.toBe('ingesting');
  }).toPass({ timeout: 240_000, intervals: [250] });
  return dataset;
}

test('a SIGKILL in the middle of an ingest loses only what was not committed, and a re-run finishes it without duplicates', async () => {
  mkdirSync(logs, { recursive: true });
  for (let file = 0; file < FILES; file++) {
    const records = Array.from({ length: PER_FILE }, (_, i) => ({
      eventVersion: '1.08',
      eventID: `kill-${file}-${i}`,
      eventTime: new Date(Date.UTC(2024, 7, 1) + (file * PER_FILE + i) * 1000).toISOString(),
      eventSource: 's3.amazonaws.com',
      eventName: 'GetObject',
      awsRegion: 'us-east-1',
      userIdentity: { type: 'IAMUser', arn: 'arn:aws:iam::111122223333:user/alice', accountId: '111122223333' },
    }));
    writeFileSync(path.join(logs, `part-${String(file).padStart(2, '0')}.json.gz`), gzipSync(JSON.stringify({ Records: records })));
  }

  let server = await start();
  const other = (await json(server, '/api/datasets', post({ text: '{"eventID": "other-1", "eventName": "ListBuckets"}\n{"eventID": "other-2", "eventName": "GetObject"}', name: 'other' }))).id;
  expect(await readingEnds(server, other)).toMatchObject({ status: 'ready', stats: { records: 2 } });

  const { id } = await json(server, '/api/datasets', post({ path: logs, name: 'killed' }));
  // Killed once some events are committed (the events API sees them) and well before the end.
  let committedBeforeKill = 0;
  await expect(async () => {
    committedBeforeKill = (await json(server, `/api/datasets/${id}/events?limit=1`)).total;
    expect(committedBeforeKill).toBeGreaterThan(0);
  }).toPass({ timeout: 240_000, intervals: [100] });
  await server.kill();
  expect(committedBeforeKill).toBeLessThan(TOTAL);

  server = await start();
  try {
    expect(await json(server, `/api/datasets/${other}`)).toMatchObject({ status: 'ready', stats: { records: 2 } });
    const interrupted = await json(server, `/api/datasets/${id}`);
    const held = (await json(server, `/api/datasets/${id}/events?limit=1`)).total;
    expect(held).toBeGreaterThanOrEqual(committedBeforeKill);
    expect(held).toBeLessThan(TOTAL);
    expect(interrupted).toMatchObject({ status: 'failed', error: expect.stringContaining(`interrupted: the server stopped while reading; the ${held} events`), stats: { records: held } });
    expect(interrupted.progress.recordsSeen).toBe(held + interrupted.stats.duplicates + interrupted.stats.quarantined);

    expect((await fetch(`${server.url}/api/datasets/${id}/files`, post({ path: logs }))).status).toBe(202);
    const finished = await readingEnds(server, id);
    expect(finished).toMatchObject({ status: 'ready', error: null, stats: { records: TOTAL, duplicates: held, quarantined: 0 } });
    expect((await json(server, `/api/datasets/${id}/events?limit=1`)).total).toBe(TOTAL);
    const summary = await json(server, `/api/datasets/${id}/summary`);
    expect(summary.total).toBe(TOTAL);
    // The figures of docs/reliability.md.
    console.log(`SIGKILL with ${committedBeforeKill} of ${TOTAL} events committed; after the restart ${held} held; the re-run stored ${finished.stats.records}, ${finished.stats.duplicates} duplicates dropped`);
  } finally {
    await server.stop();
  }
});

test('an unwritable data directory stops the start with a clear message, once', async () => {
  const notADirectory = path.join(scratch, 'a-file');
  writeFileSync(notADirectory, '');
  const server = await startOwnServer({ TRAILSCOPE_DATA_DIR: path.join(notADirectory, 'data') }, async () => false);
  expect(await exitCodeOf(server)).toBe(78);
  expect(server.output()).toContain(`cannot write the data directory ${path.join(notADirectory, 'data')} (TRAILSCOPE_DATA_DIR): ENOTDIR`);
});
