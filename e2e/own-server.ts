import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';

/** A Trailscope server of the test's own, started by the same script users run, on its own data directory. */
export interface OwnServer {
  url: string;
  stop(): Promise<void>;
}

/** A port nothing listens on right now, as the system hands them out. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Starts `node scripts/start.mjs` and resolves once its API answers; `env` adds to (or, with undefined, removes from) the environment. */
export async function startOwnServer(port: number, dataDir: string, env: Record<string, string | undefined> = {}): Promise<OwnServer> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOSTNAME: '127.0.0.1', TRAILSCOPE_DATA_DIR: dataDir };
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete childEnv[name];
    else childEnv[name] = value;
  }
  const child: ChildProcess = spawn(process.execPath, ['scripts/start.mjs'], { cwd: process.cwd(), env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${output}`);
    const answer = await fetch(`${url}/api/datasets`).catch(() => null);
    if (answer?.ok) return { url, stop };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`the server did not answer within a minute:\n${output}`);
}

/** Waits until the server's sample dataset is read, and returns its ID. */
export async function sampleId(server: OwnServer): Promise<string> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const { datasets } = (await (await fetch(`${server.url}/api/datasets`)).json()) as { datasets: { id: string; isSample: boolean; status: string }[] };
    const sample = datasets.find((dataset) => dataset.isSample);
    if (sample?.status === 'ready') return sample.id;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the sample dataset was not read within a minute');
}
