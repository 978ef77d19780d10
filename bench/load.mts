/**
 * Load on loopback: 20 clients uploading and 50 clients querying at once for 60 seconds, against
 * the production server started as users start it (with an access token, so every request passes
 * the access check). Afterwards every accepted upload must be a ready dataset holding exactly its
 * records, and the dataset queried throughout must hold what it held before: nothing lost,
 * nothing doubled. Run: node --import tsx bench/load.mts (LOAD_SECONDS to shorten it).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { percentile } from './percentile';
import { peakRssMb } from './server-run';

const PORT = Number(process.env.LOAD_PORT ?? 3391);
const BASE = `http://127.0.0.1:${PORT}`;
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const UPLOADERS = 20;
const QUERIERS = 50;
const RECORDS_PER_UPLOAD = 50;
const TOKEN = 'load-test-token-7f3a9c2e5b1d';
const headers = { authorization: `Bearer ${TOKEN}` };
const root = path.resolve(import.meta.dirname, '..');

interface Sample {
  kind: string;
  status: number;
  ms: number;
}

const samples: Sample[] = [];
const inconsistencies: string[] = [];

async function timed(kind: string, url: string, init: RequestInit = {}): Promise<Response | null> {
  const started = performance.now();
  try {
    const response = await fetch(url, { ...init, headers: { ...headers, ...init.headers } });
    const body = await response.arrayBuffer();
    samples.push({ kind, status: response.status, ms: performance.now() - started });
    return new Response(body, { status: response.status });
  } catch (error) {
    // A refused or dropped connection counts against the server like a 5xx.
    samples.push({ kind, status: 599, ms: performance.now() - started });
    inconsistencies.push(`${kind}: ${error instanceof Error ? error.message : error}`);
    return null;
  }
}

async function getJson(url: string) {
  return (await fetch(url, { headers })).json();
}

async function waitFor(check: () => Promise<boolean>, seconds: number, what: string) {
  for (const deadline = Date.now() + seconds * 1000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 500))) {
    if (await check().catch(() => false)) return;
  }
  throw new Error(`gave up waiting for ${what}`);
}

function uploadBody(worker: number, upload: number): FormData {
  const lines = Array.from({ length: RECORDS_PER_UPLOAD }, (_, i) =>
    JSON.stringify({
      eventVersion: '1.08',
      eventID: `load-${worker}-${upload}-${i}`,
      eventTime: new Date(Date.UTC(2024, 7, 1, 0, 0, i)).toISOString(),
      eventSource: 'sts.amazonaws.com',
      eventName: 'AssumeRole',
      awsRegion: 'us-east-1',
      sourceIPAddress: `198.51.100.${i}`,
      userIdentity: { type: 'IAMUser', arn: `arn:aws:iam::111122223333:user/load-${worker}`, accountId: '111122223333' },
    }),
  );
  const form = new FormData();
  form.append('file', new Blob([lines.join('\n')]), `load-${worker}-${upload}.jsonl`);
  return form;
}

async function main() {
  const dataDir = path.join(root, 'bench', 'load-data');
  rmSync(dataDir, { recursive: true, force: true });
  const server: ChildProcess = spawn(process.execPath, [path.join(root, 'scripts/start.mjs')], {
    cwd: root,
    env: { ...process.env, PORT: String(PORT), HOSTNAME: '127.0.0.1', TRAILSCOPE_DATA_DIR: dataDir, TRAILSCOPE_TOKEN: TOKEN },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitFor(async () => (await fetch(`${BASE}/api/datasets`, { headers })).ok, 600, 'the server');
    const created = await fetch(`${BASE}/api/datasets`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ path: path.join(root, 'fixtures/s3-layout'), name: 'queried' }),
    });
    const { id: queried } = await created.json();
    await waitFor(async () => (await getJson(`${BASE}/api/datasets/${queried}`)).status === 'ready', 120, 'the queried dataset');
    const before = (await getJson(`${BASE}/api/datasets/${queried}`)).stats.records as number;
    const datasetsBefore = (await getJson(`${BASE}/api/datasets`)).datasets.length as number;

    const api = `${BASE}/api/datasets/${queried}`;
    const queries: [string, string, ((body: { total?: number }) => void)?][] = [
      ['events: first page', `${api}/events?limit=100`, (body) => body.total !== before && inconsistencies.push(`events total ${body.total} != ${before}`)],
      ['events: filtered', `${api}/events?service=iam.amazonaws.com&error=!none`],
      ['summary', `${api}/summary`, (body) => body.total !== before && inconsistencies.push(`summary total ${body.total} != ${before}`)],
      ['free text q', `${api}/events?q=AccessDenied`],
      ['dataset list', `${BASE}/api/datasets`],
      ['dataset page (HTML)', `${BASE}/datasets/${queried}`],
    ];
    const accepted: string[] = [];
    const deadline = Date.now() + SECONDS * 1000;
    const uploaders = Array.from({ length: UPLOADERS }, async (_, worker) => {
      for (let upload = 0; Date.now() < deadline; upload++) {
        const response = await timed('upload (50 records)', `${BASE}/api/datasets`, { method: 'POST', body: uploadBody(worker, upload) });
        if (response?.status === 202) accepted.push((await response.json()).id);
      }
    });
    const queriers = Array.from({ length: QUERIERS }, async (_, client) => {
      for (let turn = client; Date.now() < deadline; turn++) {
        const [kind, url, check] = queries[turn % queries.length]!;
        const response = await timed(kind, url);
        if (check && response?.ok) check(await response.json());
      }
    });
    await Promise.all([...uploaders, ...queriers]);

    // Every accepted upload finishes reading, then everything is counted.
    const settleStarted = performance.now();
    await waitFor(async () => (await getJson(`${BASE}/api/datasets`)).datasets.every((dataset: { status: string }) => dataset.status !== 'ingesting'), 900, 'the uploads to be read');
    const settleSeconds = (performance.now() - settleStarted) / 1000;
    const list: { id: string; status: string; stats: { records: number; duplicates: number; quarantined: number }; progress: { recordsSeen: number } }[] = (
      await getJson(`${BASE}/api/datasets`)
    ).datasets;
    const byId = new Map(list.map((dataset) => [dataset.id, dataset]));
    for (const id of accepted) {
      const dataset = byId.get(id);
      if (!dataset) inconsistencies.push(`accepted upload ${id} is missing`);
      else if (dataset.status !== 'ready' || dataset.stats.records !== RECORDS_PER_UPLOAD || dataset.stats.duplicates || dataset.stats.quarantined) {
        inconsistencies.push(`upload ${id}: ${dataset.status}, ${JSON.stringify(dataset.stats)}`);
      } else if (dataset.progress.recordsSeen !== RECORDS_PER_UPLOAD) inconsistencies.push(`upload ${id} saw ${dataset.progress.recordsSeen} records`);
    }
    if (list.length !== datasetsBefore + accepted.length) inconsistencies.push(`${list.length} datasets, expected ${datasetsBefore + accepted.length}`);
    const after = (await getJson(`${BASE}/api/datasets/${queried}`)).stats.records;
    if (after !== before) inconsistencies.push(`the queried dataset holds ${after} records, held ${before}`);
    const stored = list.filter((dataset) => accepted.includes(dataset.id)).reduce((sum, dataset) => sum + dataset.stats.records, 0);

    const kinds = [...new Set(samples.map((sample) => sample.kind))];
    const rows = kinds.map((kind) => {
      const mine = samples.filter((sample) => sample.kind === kind);
      const times = mine.map((sample) => sample.ms);
      const statuses = [...new Set(mine.map((sample) => sample.status))].sort().map((status) => `${status}×${mine.filter((sample) => sample.status === status).length}`);
      return `| ${kind} | ${mine.length} | ${statuses.join(', ')} | ${percentile(times, 0.5).toFixed(0)} | ${percentile(times, 0.95).toFixed(0)} | ${percentile(times, 0.99).toFixed(0)} | ${Math.max(...times).toFixed(0)} |`;
    });
    const serverErrors = samples.filter((sample) => sample.status >= 500).length;
    const report = [
      `Load run of ${new Date().toISOString().slice(0, 10)}: ${UPLOADERS} upload clients + ${QUERIERS} query clients for ${SECONDS} s on loopback (\`node --import tsx bench/load.mts\`).`,
      '',
      '| request | count | statuses | p50 ms | p95 ms | p99 ms | max ms |',
      '|---|---|---|---|---|---|---|',
      ...rows,
      '',
      `- 5xx or dropped connections: **${serverErrors}** of ${samples.length} requests`,
      `- uploads accepted: ${accepted.length} (${accepted.length * RECORDS_PER_UPLOAD} records); all read ${settleSeconds.toFixed(0)} s after the load stopped; stored: ${stored}`,
      `- the queried dataset: ${before} records before, ${after} after; every events and summary total during the load equal to it`,
      `- datasets: ${datasetsBefore} before + ${accepted.length} accepted = ${list.length} after`,
      `- peak RSS of the server (VmHWM): ${peakRssMb(server.pid!).toFixed(0)} MB`,
      `- inconsistencies: ${inconsistencies.length ? inconsistencies.slice(0, 20).join('; ') : 'none'}`,
    ].join('\n');
    console.log(report);
    writeFileSync(path.join(root, 'bench', 'load-results.md'), `# Load results\n\n${report}\n`);
    if (serverErrors || inconsistencies.length) process.exitCode = 1;
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
