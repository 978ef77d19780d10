// `npm start [-- <path>...]`: builds the app when the build is missing or older than the sources,
// then serves it on HOSTNAME:PORT (127.0.0.1:3000 by default) and ingests each <path> at start.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
// A log browser for security work sends nothing home.
process.env.NEXT_TELEMETRY_DISABLED = '1';
const next = path.join(root, 'node_modules', '.bin', 'next');
const SOURCES = ['app', 'components', 'lib', 'public', 'instrumentation.ts', 'next.config.js', 'postcss.config.mjs', 'package-lock.json'];
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

const hostname = process.env.HOSTNAME || '127.0.0.1';
const port = process.env.PORT || '3000';
if (!LOOPBACK.test(hostname)) {
  console.error(`Trailscope has no access control yet, so it only serves loopback addresses; HOSTNAME=${hostname} is refused.`);
  process.exit(1);
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
