// `npm start [-- <path>...]`: builds the app when the build is missing or older than the sources,
// then serves it on HOSTNAME:PORT (127.0.0.1:3000 by default) and ingests each <path> at start.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
// A log browser for security work sends nothing home.
process.env.NEXT_TELEMETRY_DISABLED = '1';
const next = path.join(root, 'node_modules', '.bin', 'next');
const SOURCES = ['app', 'components', 'lib', 'public', 'instrumentation.ts', 'proxy.ts', 'next.config.js', 'postcss.config.mjs', 'package-lock.json'];
const LOOPBACK = /^(127(\.\d{1,3}){3}|localhost|::1|\[::1\])$/;

function newestChange(entry) {
  if (!existsSync(entry)) return 0;
  const info = statSync(entry);
  if (!info.isDirectory()) return info.mtimeMs;
  return readdirSync(entry).reduce((newest, name) => Math.max(newest, newestChange(path.join(entry, name))), info.mtimeMs);
}

function buildIsCurrent() {
  const marker = path.join(root, '.next', 'BUILD_ID');
  if (!existsSync(marker)) return false;
  const built = statSync(marker).mtimeMs;
  return SOURCES.every((source) => newestChange(path.join(root, source)) <= built);
}

// Exit status for a setting that cannot work: a supervisor can be told not to restart on it
// (systemd: RestartPreventExitStatus=78), so a bad setting never turns into a crash loop.
const EX_CONFIG = 78;
const MIN_TOKEN_LENGTH = 16;

function refuse(message) {
  console.error(`Trailscope: ${message}`);
  process.exit(EX_CONFIG);
}

const hostname = process.env.HOSTNAME || '127.0.0.1';
const port = process.env.PORT || '3000';
const token = process.env.TRAILSCOPE_TOKEN ?? '';
if (token && token.length < MIN_TOKEN_LENGTH) refuse(`TRAILSCOPE_TOKEN must have at least ${MIN_TOKEN_LENGTH} characters (try: openssl rand -base64 32).`);
if (!LOOPBACK.test(hostname) && !token) {
  refuse(`HOSTNAME=${hostname} would serve other machines, so it needs access control: set TRAILSCOPE_TOKEN (at least ${MIN_TOKEN_LENGTH} characters), or serve 127.0.0.1.`);
}

// The store lives in the data directory: find out now, with a clear message, if it cannot be written.
const dataDir = path.resolve(root, process.env.TRAILSCOPE_DATA_DIR || '.trailscope');
try {
  mkdirSync(dataDir, { recursive: true });
  const probe = path.join(dataDir, `.write-test-${process.pid}`);
  writeFileSync(probe, 'ok');
  rmSync(probe);
} catch (error) {
  refuse(`cannot write the data directory ${dataDir} (TRAILSCOPE_DATA_DIR): ${error.code ?? error.message}. Make it writable, free some space, or point TRAILSCOPE_DATA_DIR elsewhere.`);
}

if (!buildIsCurrent()) {
  console.log('Trailscope: building the app (first start, or the sources changed)…');
  const build = spawnSync(next, ['build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const startPaths = process.argv.slice(2).map((argument) => path.resolve(argument));
const server = spawn(next, ['start', '--hostname', hostname, '--port', port], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, TRAILSCOPE_START_PATHS: startPaths.join('\n') },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
