import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3210);
const START_PATH = 'fixtures/real-logs/otrf-security-datasets';
const SYSTEM_CHROMIUM = '/usr/bin/chromium';
// Debian's Chromium when it is installed (no browser download is possible here); Playwright's own otherwise.
const launchOptions = existsSync(SYSTEM_CHROMIUM)
  ? {
      executablePath: SYSTEM_CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    }
  : {};

export default defineConfig({
  testDir: 'e2e',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  workers: 2,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    viewport: { width: 1440, height: 900 },
    launchOptions,
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], viewport: { width: 1440, height: 900 }, launchOptions } }],
  webServer: {
    // A fresh data directory every run, served by the same start script users run, given a path to ingest at start.
    command: `node -e "require('fs').rmSync('.trailscope-e2e', { recursive: true, force: true })" && node scripts/start.mjs ${START_PATH}`,
    url: `http://127.0.0.1:${PORT}/api/datasets`,
    env: { PORT: String(PORT), HOSTNAME: '127.0.0.1', TRAILSCOPE_DATA_DIR: '.trailscope-e2e' },
    reuseExistingServer: false,
    timeout: 300_000,
    stdout: 'pipe',
  },
});
