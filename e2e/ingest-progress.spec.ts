import { expect, test } from '@playwright/test';

test('a long reading shows its progress and can be cancelled, keeping what it read', async ({ page }) => {
  test.setTimeout(90_000);
  const line = (i: number) =>
    JSON.stringify({ eventVersion: '1.08', eventID: `bulk-${i}`, eventName: 'GetObject', eventSource: 's3.amazonaws.com', eventTime: new Date(Date.UTC(2024, 7, 1) + i * 1000).toISOString() });
  const text = Array.from({ length: 300_000 }, (_, i) => line(i)).join('\n');
  const created = await page.request.post('/api/datasets', { data: { text, name: 'bulk' } });
  const { id } = await created.json();

  await page.goto(`/datasets/${id}`);
  const progress = page.getByRole('status').filter({ hasText: 'Reading bulk' });
  await expect(progress.getByRole('progressbar', { name: 'Ingest progress' })).toBeVisible();
  // Wait until the numbers move: some records read, a rate and an estimate of the time left.
  await expect(progress).toContainText(/[1-9][\d,]* records · [1-9][\d,]* records\/s · about \d+ (s|min) left/);
  await page.screenshot({ path: 'test-results/screenshots/ingest-progress.png' });
  await progress.getByRole('button', { name: 'Cancel' }).click();

  await expect(page.getByRole('alert').filter({ hasText: 'was cancelled' })).toBeVisible({ timeout: 30_000 });
  const dataset = await (await page.request.get(`/api/datasets/${id}`)).json();
  expect(dataset.status).toBe('cancelled');
  expect(dataset.stats.records).toBeGreaterThan(0);
  expect(dataset.stats.records).toBeLessThan(300_000);
  expect(dataset.progress.recordsSeen).toBe(dataset.stats.records + dataset.stats.duplicates + dataset.stats.quarantined);
});
