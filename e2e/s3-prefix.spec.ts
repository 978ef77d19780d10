import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { expect, test } from '@playwright/test';
import S3rver from 's3rver';
import { startOwnServer } from './own-server';

// s3rver accepts only its own fixed key pair; the Trailscope server finds it in its environment.
const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
const LAYOUT = path.join(process.cwd(), 'fixtures/s3-layout');

test('an S3 prefix typed on the home page is read into a dataset', async ({ page }) => {
  test.setTimeout(120_000);
  const scratch = mkdtempSync(path.join(tmpdir(), 'trailscope-e2e-s3-'));
  const dataDir = mkdtempSync(path.join(tmpdir(), 'trailscope-e2e-s3-data-'));
  const s3 = createServer(new S3rver({ directory: scratch, silent: true }).callback());
  await new Promise<void>((resolve) => s3.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(s3.address() as { port: number }).port}`;
  const client = new S3Client({ endpoint, forcePathStyle: true, region: 'us-east-1', credentials });
  const server = await startOwnServer({
    TRAILSCOPE_DATA_DIR: dataDir,
    TRAILSCOPE_S3_ENDPOINTS: endpoint,
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    AWS_SESSION_TOKEN: undefined,
    AWS_REGION: 'us-east-1',
  });
  try {
    await client.send(new CreateBucketCommand({ Bucket: 'trail-logs' }));
    const names = readdirSync(LAYOUT, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    for (const entry of names) {
      const file = path.join(entry.parentPath, entry.name);
      const key = `trail/${path.relative(LAYOUT, file).split(path.sep).join('/')}`;
      await client.send(new PutObjectCommand({ Bucket: 'trail-logs', Key: key, Body: readFileSync(file) }));
    }

    await page.goto(server.url);
    await page.getByLabel('Read an S3 prefix').fill('s3://trail-logs/trail/');
    await page.getByLabel('S3 server').selectOption(endpoint);
    await page.screenshot({ path: 'test-results/screenshots/home-s3.png', fullPage: true });
    await page.getByRole('button', { name: 'Read S3 prefix' }).click();
    await expect(page).toHaveURL(/\/datasets\/[A-Za-z0-9_-]{22}$/);
    // The layout holds the 312 Stratus Red Team records beside CloudTrail digest files, which are skipped.
    await expect(page.getByText('1–100 of 312 events')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('s3://trail-logs/trail/');
  } finally {
    client.destroy();
    await server.stop();
    await new Promise((resolve) => s3.close(resolve));
    rmSync(scratch, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('an S3 location that is not one is refused on the home page with the reason', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Read an S3 prefix').fill('https://trail-logs.s3.amazonaws.com/trail/');
  await page.getByRole('button', { name: 'Read S3 prefix' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'S3 location' })).toContainText('it must start with s3://');
  // No endpoint is allowed on this server, so there is no choice of S3 server to make.
  await expect(page.getByLabel('S3 server')).toHaveCount(0);
});
