/**
 * Trailscope itself, as users run it: the production server on loopback, a POST {"path"} of the
 * corpus timed until the dataset is ready, then the latency of the dashboard's API calls, and the
 * server's peak RSS (VmHWM) at the end.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { type BrowserFigures, measureBrowser } from './browser-paint';
import { percentile } from './percentile';

const PORT = 3390;
const BASE = `http://127.0.0.1:${PORT}`;
const root = path.resolve(import.meta.dirname ?? __dirname, '..');

export interface Latency {
  name: string;
  p50: number;
  p95: number;
  target: number;
}

export interface ServerRun {
  ingestSeconds: number;
  records: number;
  duplicates: number;
  latencies: Latency[];
  browser: BrowserFigures;
  peakRssMb: number;
}

/** Every process started under `pid`: the start script runs the Next.js server as its child. */
function descendants(pid: number): number[] {
  const children = readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        return Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]?.split(' ')[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
  return [...children, ...children.flatMap(descendants)];
}

async function waitForServer(): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    try {
      if ((await fetch(`${BASE}/api/datasets`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the server did not start');
}

/** The largest peak resident set (VmHWM) among the server's processes. */
export function peakRssMb(pid: number): number {
  return Math.max(
    ...[pid, ...descendants(pid)].map((process) => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${process}/status`, 'utf8'))?.[1] ?? 0) / 1024),
  );
}

async function timed(url: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url);
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return performance.now() - started;
}

async function measure(name: string, urls: string[], target: number): Promise<Latency> {
  for (const url of urls.slice(0, 3)) await timed(url);
  const times: number[] = [];
  for (const url of urls) times.push(await timed(url));
  return { name, p50: percentile(times, 0.5), p95: percentile(times, 0.95), target };
}

/** `repeats` requests per API call after three warm-ups; the store goes in bench/data-<events>. */
export async function runServer(corpusDirectory: string, events: number, repeats: number): Promise<ServerRun> {
  const dataDir = path.join(root, 'bench', `data-${events}`);
  rmSync(dataDir, { recursive: true, force: true });
  // The start script users run: it builds first when the build is missing or stale.
  const server: ChildProcess = spawn(process.execPath, [path.join(root, 'scripts/start.mjs')], {
    cwd: root,
    env: { ...process.env, PORT: String(PORT), HOSTNAME: '127.0.0.1', TRAILSCOPE_DATA_DIR: dataDir, TRAILSCOPE_LOG_ROOTS: corpusDirectory },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitForServer();
    const started = performance.now();
    const created = await fetch(`${BASE}/api/datasets`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ path: corpusDirectory }) });
    const { id } = (await created.json()) as { id: string };
    let dataset: { status: string; stats: { records: number; duplicates: number } };
    do {
      await new Promise((resolve) => setTimeout(resolve, 200));
      dataset = await (await fetch(`${BASE}/api/datasets/${id}`)).json();
    } while (dataset.status === 'ingesting');
    const ingestSeconds = (performance.now() - started) / 1000;
    if (dataset.status !== 'ready') throw new Error(`the ingest ended ${dataset.status}`);

    const api = `${BASE}/api/datasets/${id}`;
    const repeat = (make: (index: number) => string) => Array.from({ length: repeats }, (_, index) => make(index));
    const services = ['s3', 'ec2', 'iam', 'sts', 'kms', 'lambda', 'ssm', 'config'];
    const latencies = [
      await measure('events: first page', repeat(() => `${api}/events`), 150),
      await measure('events: a service with errors', repeat((i) => `${api}/events?service=${services[i % services.length]}.amazonaws.com&error=any`), 150),
      await measure('events: sorted by identity', repeat((i) => `${api}/events?sort=identity&order=${i % 2 ? 'asc' : 'desc'}`), 150),
      await measure('events: a page deep in the result', repeat((i) => `${api}/events?cursor=${(i + 1) * 10_000}`), 150),
      await measure('summary: everything', repeat(() => `${api}/summary`), 150),
      await measure('summary: one service', repeat((i) => `${api}/summary?service=${services[i % services.length]}.amazonaws.com`), 150),
      await measure('free text q', repeat((i) => `${api}/events?q=${['terraform', 'ThrottlingException', 'bucket-1a', 'ci-bot', 'HIDDEN_DUE', 'ap-southeast-2', 'GenerateDataKey', 'session-17'][i % 8]}`), 300),
      await measure('overview', repeat((i) => `${api}/overview${i % 2 ? '' : '?error=any'}`), 300),
      await measure('timeline', repeat((i) => `${api}/timeline?lanes=${['volume', 'errors', 'first', 'name'][i % 4]}`), 300),
      await measure('identities', repeat((i) => `${api}/identities?by=${['events', 'errors', 'ips', 'last'][i % 4]}`), 300),
    ];
    const { identities } = (await (await fetch(`${api}/identities`)).json()) as { identities: { key: string }[] };
    latencies.push(
      await measure('identity drill-down', repeat((i) => `${api}/identities/${encodeURIComponent(identities[i % identities.length]!.key)}`), 300),
    );
    const browser = await measureBrowser(`${BASE}/datasets/${id}`);
    return { ingestSeconds, records: dataset.stats.records, duplicates: dataset.stats.duplicates, latencies, browser, peakRssMb: peakRssMb(server.pid!) };
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
  }
}
