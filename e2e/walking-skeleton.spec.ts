import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { type Page, expect, test } from '@playwright/test';

const FIXTURE = path.join(
  process.cwd(),
  'fixtures/s3-layout/AWSLogs/o-exampleorg1/457448411975/CloudTrail/apiso-northsouth-3r/2024/07/30',
);

/** Drops files on the drop zone through a real drop event carrying a DataTransfer, as a user's drag does. */
async function dropFiles(page: Page, files: { name: string; bytes: Buffer }[]) {
  const payload = files.map((file) => ({ name: file.name, data: [...file.bytes] }));
  const transfer = await page.evaluateHandle((items) => {
    const dataTransfer = new DataTransfer();
    for (const item of items) dataTransfer.items.add(new File([new Uint8Array(item.data)], item.name));
    return dataTransfer;
  }, payload);
  const zone = page.getByRole('region', { name: 'Drop CloudTrail logs here' });
  await zone.dispatchEvent('dragover', { dataTransfer: transfer });
  await zone.dispatchEvent('drop', { dataTransfer: transfer });
}

function eventRows(page: Page) {
  return page.getByRole('table', { name: 'Events' }).locator('tbody tr');
}

test('the home page offers the sample dataset', async ({ page }) => {
  await page.goto('/');
  const datasets = page.getByRole('table', { name: 'Datasets' });
  await expect(datasets.getByRole('link', { name: /^Sample:/ })).toBeVisible();
  await datasets.getByRole('link', { name: /^Sample:/ }).click();
  await expect(page).toHaveURL(/\/datasets\/[A-Za-z0-9_-]{22}$/);
  await expect(page.getByText(/of 329 events/)).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/sample-dataset.png' });
});

test('a dropped .json.gz becomes a dataset whose filtered URL reproduces the same rows elsewhere', async ({ page, browser }) => {
  const name = readdirGz(FIXTURE);
  await page.goto('/');
  await dropFiles(page, [{ name, bytes: readFileSync(path.join(FIXTURE, name)) }]);

  await expect(page).toHaveURL(/\/datasets\/[A-Za-z0-9_-]{22}$/, { timeout: 20_000 });
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByText('1–34 of 34 events')).toBeVisible();
  const table = page.getByRole('table', { name: 'Events' });
  for (const header of ['Time (UTC)', 'Service', 'Event name', 'Identity', 'Source IP', 'Region', 'Error']) {
    await expect(table.getByRole('columnheader', { name: header })).toBeVisible();
  }
  await expect(page.getByText('Rows 1–34 of 34 in the table')).toBeVisible();

  // Filter on one service by URL, as an analyst pasting a link would: the file has 30 EC2 and 4 STS calls.
  const filtered = `${page.url()}?service=sts.amazonaws.com`;
  await page.goto(filtered);
  await expect(page.getByRole('list', { name: 'Active filters' })).toContainText('service = sts.amazonaws.com');
  await expect(page.getByText('1–4 of 4 events')).toBeVisible();
  const rows = eventRows(page);
  await expect(rows.locator('td:nth-child(2)')).toHaveText(Array(4).fill('AWS STS'));
  const seen = await rows.allInnerTexts();
  await page.screenshot({ path: 'test-results/screenshots/dropped-file-filtered.png', fullPage: true });

  // The same URL in a fresh browser context (no cookies, no storage) shows the same rows.
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(filtered);
  await expect(eventRows(other)).toHaveCount(4);
  expect(await eventRows(other).allInnerTexts()).toEqual(seen);
  await fresh.close();
});

function readdirGz(directory: string): string {
  const name = readdirSync(directory).find((entry) => entry.endsWith('.json.gz'));
  if (!name) throw new Error(`no .json.gz in ${directory}`);
  return name;
}

test('a path given to npm start is ingested at start', async ({ page }) => {
  // playwright.config.ts starts the server with `node scripts/start.mjs fixtures/real-logs/otrf-security-datasets`.
  const row = page.getByRole('row', { name: /otrf-security-datasets/ });
  await expect(async () => {
    await page.goto('/');
    await expect(row).toContainText('ready', { timeout: 1000 });
  }).toPass();
  await expect(row).toContainText('103');
  await row.getByRole('link', { name: 'otrf-security-datasets' }).click();
  // These records have no eventTime: the shipper's @timestamp stands in, and each row is marked for it.
  await expect(page.getByText('1–100 of 103 events')).toBeVisible();
  await expect(eventRows(page).first()).toContainText('2020-09-14');
  await expect(eventRows(page).first()).toContainText('repaired');
});

test('the problems page shows each seed repair with its file, line and column', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('table', { name: 'Datasets' }).getByRole('link', { name: /^Sample:/ }).click();
  await page.getByRole('link', { name: /^Problems:/ }).click();
  const repaired = page.getByRole('table', { name: 'Repaired records' });
  const missingQuote = repaired.getByRole('row', { name: /DeliverConfigSnapshot/ });
  await expect(missingQuote).toContainText('004-config.json:27');
  await expect(missingQuote).toContainText('64:7 added a missing quote');
  await expect(repaired.getByRole('row', { name: /DescribeFlow/ })).toContainText('removed a trailing comma');
  await expect(repaired.getByRole('row', { name: /UpdateResourceCollection/ })).toContainText('trimmed whitespace around eventID');
  await expect(repaired.getByRole('row', { name: /CreateConnection/ })).toContainText('skipped the placeholder "..."');
  await expect(page.getByRole('region', { name: 'Skipped files' })).toContainText('CloudTrail digest file');
  await page.screenshot({ path: 'test-results/screenshots/problems.png', fullPage: true });
});
