import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';

// A Trailscope of a test's own (data directory, port, settings), started by the same script users
// run, for tests that need other settings than the shared server's, or that kill it.

export interface OwnServer {
  url: string;
  process: ChildProcess;
  output: () => string;
  /** SIGKILL to the server and everything it started. */
  kill: () => Promise<void>;
  stop: () => Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

/** Whether the server's API answers. */
export const apiAnswers = async (url: string) => (await fetch(`${url}/api/datasets`)).ok;

/**
 * Runs scripts/start.mjs with `env` added to the environment (undefined removes a variable) and
 * answers once `ready` says the server answers (or the script ends).
 */
export async function startOwnServer(env: Record<string, string | undefined>, ready: (url: string) => Promise<boolean> = apiAnswers): Promise<OwnServer> {
  const port = env.PORT ?? String(await freePort());
  const childEnv: NodeJS.ProcessEnv = { ...process.env, HOSTNAME: '127.0.0.1', PORT: port };
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete childEnv[name];
    else if (name !== 'PORT') childEnv[name] = value;
  }
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    env: childEnv,
    // Its own process group, so that a kill reaches the Next.js server under the start script.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = once(child, 'exit');
  const url = `http://127.0.0.1:${port}`;
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    process.kill(-child.pid!, name);
    await exited;
  };
  const server: OwnServer = { url, process: child, output: () => output, kill: () => signal('SIGKILL'), stop: () => signal('SIGTERM') };
  for (const deadline = Date.now() + 120_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 200))) {
    if (child.exitCode !== null) return server;
    if (await ready(url).catch(() => false)) return server;
  }
  await server.kill();
  throw new Error(`the server did not start:\n${output}`);
}

/** Resolves with the exit code once the process ends. */
export async function exitCodeOf(server: OwnServer): Promise<number | null> {
  if (server.process.exitCode !== null) return server.process.exitCode;
  const [code] = await once(server.process, 'exit');
  return code as number | null;
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
