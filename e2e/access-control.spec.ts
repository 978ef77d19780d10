import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { type OwnServer, exitCodeOf, startOwnServer } from './own-server';

// A server of its own, bound to every address, which only a token lets in.
const TOKEN = 'e2e-access-token-5b0f3c9e1a7d';
const bearer = { authorization: `Bearer ${TOKEN}` };
const dataDir = mkdtempSync(path.join(tmpdir(), 'trailscope-access-'));
let server: OwnServer;

test.describe.configure({ mode: 'serial' });
test.setTimeout(120_000);

test.beforeAll(async () => {
  server = await startOwnServer({ HOSTNAME: '0.0.0.0', TRAILSCOPE_TOKEN: TOKEN, TRAILSCOPE_DATA_DIR: dataDir }, async (url) => (await fetch(`${url}/login`)).ok);
});
test.afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test('refuses to serve another address without a token', async () => {
  const refused = await startOwnServer({ HOSTNAME: '0.0.0.0', TRAILSCOPE_TOKEN: '', TRAILSCOPE_DATA_DIR: dataDir }, async () => false);
  expect(await exitCodeOf(refused)).toBe(78);
  expect(refused.output()).toContain('set TRAILSCOPE_TOKEN');
});

test('answers 401 to API requests without the token, and sends pages to the login page', async () => {
  for (const route of ['/api/datasets', '/api/datasets/some-id', '/api/datasets/some-id/events', '/api/datasets/some-id/export.csv']) {
    const response = await fetch(`${server.url}${route}`);
    expect(response.status, route).toBe(401);
    expect((await response.json()).error.code).toBe('unauthorized');
  }
  expect((await fetch(`${server.url}/api/datasets`, { headers: { authorization: 'Bearer not-the-token' } })).status).toBe(401);
  const page = await fetch(`${server.url}/datasets/x?service=s3.amazonaws.com`, { redirect: 'manual' });
  expect(page.status).toBe(303);
  expect(new URL(page.headers.get('location')!, server.url).href).toBe(`${server.url}/login?next=${encodeURIComponent('/datasets/x?service=s3.amazonaws.com')}`);
  const upload = new FormData();
  upload.append('file', new Blob(['{"eventID": "x", "eventName": "Y"}']), 'x.json');
  expect((await fetch(`${server.url}/api/datasets`, { method: 'POST', body: upload })).status).toBe(401);
});

test('takes the token as a bearer header, uploads larger than a proxied body included', async () => {
  const record = (i: number) => JSON.stringify({ eventID: `big-${i}`, eventName: 'GetObject', eventSource: 's3.amazonaws.com', eventTime: '2024-08-01T00:00:00Z', userAgent: 'x'.repeat(200) });
  const lines = Array.from({ length: 50_000 }, (_, i) => record(i)).join('\n');
  expect(lines.length).toBeGreaterThan(12 * 1024 ** 2);
  const upload = new FormData();
  upload.append('file', new Blob([lines]), 'big.jsonl');
  const created = await fetch(`${server.url}/api/datasets`, { method: 'POST', body: upload, headers: bearer });
  expect(created.status).toBe(202);
  const { id } = await created.json();
  await expect(async () => {
    const dataset = await (await fetch(`${server.url}/api/datasets/${id}`, { headers: bearer })).json();
    expect(dataset).toMatchObject({ status: 'ready', stats: { records: 50_000, quarantined: 0 } });
  }).toPass({ timeout: 90_000 });
});

test('refuses state changes from another origin, token or not', async () => {
  const evil = { ...bearer, origin: 'http://evil.example', 'content-type': 'application/json' };
  const created = await fetch(`${server.url}/api/datasets`, { method: 'POST', headers: evil, body: JSON.stringify({ text: '{"eventID":"x","eventName":"Y"}' }) });
  expect(created.status).toBe(403);
  expect((await created.json()).error.code).toBe('cross_origin');
  expect((await fetch(`${server.url}/api/datasets/some-id`, { method: 'DELETE', headers: evil })).status).toBe(403);
  expect((await fetch(`${server.url}/api/views`, { method: 'POST', headers: evil, body: '{}' })).status).toBe(403);
  const sameOrigin = { ...bearer, origin: server.url, 'content-type': 'application/json' };
  expect((await fetch(`${server.url}/api/datasets`, { method: 'POST', headers: sameOrigin, body: JSON.stringify({ text: '{"eventID":"x","eventName":"Y"}' }) })).status).toBe(202);
});

test('logs in through the login page with an HttpOnly, SameSite=Strict cookie', async ({ page, context }) => {
  await page.goto(`${server.url}/datasets/nope`);
  await expect(page).toHaveURL(/\/login\?next=%2Fdatasets%2Fnope$/);
  await page.getByLabel('Access token').fill('a wrong guess');
  await page.getByRole('button', { name: 'Log in' }).click();
  // (Next.js keeps a route announcer of its own with the alert role.)
  await expect(page.getByRole('alert').filter({ hasText: 'That token is not the right one.' })).toBeVisible();
  expect(await context.cookies()).toEqual([]);

  await page.goto(`${server.url}/`);
  await page.getByLabel('Access token').fill(TOKEN);
  await page.screenshot({ path: 'test-results/login.png' });
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL(`${server.url}/`);
  await expect(page.getByRole('heading', { name: 'Load CloudTrail logs' })).toBeVisible();
  const [cookie] = await context.cookies();
  expect(cookie).toMatchObject({ name: 'trailscope_session', httpOnly: true, sameSite: 'Strict', secure: false });
  expect(cookie!.value).not.toContain(TOKEN);
  // The page's own requests carry the cookie: the API answers them.
  expect((await page.request.get(`${server.url}/api/datasets`)).status()).toBe(200);
});
