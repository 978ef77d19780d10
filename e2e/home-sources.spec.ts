import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';

test('records pasted from a documentation page load, with the repair shown', async ({ page }) => {
  await page.goto('/');
  await page.screenshot({ path: 'test-results/screenshots/home.png', fullPage: true });
  const seed = readFileSync(path.join(process.cwd(), 'fixtures/seeds/004-config.json'), 'utf8');
  await page.getByLabel('Paste records').fill(seed);
  await page.getByRole('button', { name: 'Read pasted records' }).click();
  await expect(page).toHaveURL(/\/datasets\/[A-Za-z0-9_-]{22}$/);
  await expect(page.getByText('1–10 of 10 events')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('link', { name: /^Problems: 1 repaired/ })).toBeVisible();
});

test('a server path outside the log roots is refused with the reason', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Read a path on the server').fill('/etc');
  await page.getByRole('button', { name: 'Read path' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'outside the configured log roots' })).toContainText('/etc is outside the configured log roots');
});

test('a dataset is deleted only after the analyst confirms', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Paste records').fill('{"eventID": "to-delete", "eventName": "DeleteMe", "eventTime": "2024-01-01T00:00:00Z"}');
  await page.getByRole('button', { name: 'Read pasted records' }).click();
  await expect(page).toHaveURL(/\/datasets\//);
  const id = page.url().split('/').pop()!;
  await page.goto('/');
  const row = page.getByRole('row').filter({ has: page.locator(`a[href="/datasets/${id}"]`) });
  page.once('dialog', (dialog) => dialog.dismiss());
  await row.getByRole('button', { name: /^Delete/ }).click();
  await expect(row).toBeVisible();
  page.once('dialog', (dialog) => dialog.accept());
  await row.getByRole('button', { name: /^Delete/ }).click();
  await expect(row).toHaveCount(0);
  expect((await page.request.get(`/api/datasets/${id}`)).status()).toBe(404);
});
