import { expect, test } from '@playwright/test';

test('files that cannot be read are listed while reading goes on, and after it ends', async ({ page }) => {
  test.setTimeout(90_000);
  const line = (i: number) =>
    JSON.stringify({ eventVersion: '1.08', eventID: `bulk-${i}`, eventName: 'GetObject', eventSource: 's3.amazonaws.com', eventTime: new Date(Date.UTC(2024, 7, 1) + i * 1000).toISOString() });
  const form = new FormData();
  form.append('name', 'broken and bulk');
  // Read in the order sent: the broken files first, then one long enough to watch.
  form.append('file', new Blob(['this is not gzip']), 'logs/a-broken.json.gz');
  form.append('file', new Blob(['{"Records": [{"eventName": ']), 'logs/b-truncated.json');
  form.append('file', new Blob([Array.from({ length: 250_000 }, (_, i) => line(i)).join('\n')]), 'logs/c-bulk.jsonl');
  const created = await page.request.post('/api/datasets', { multipart: form });
  expect(created.status()).toBe(202);
  const { id } = await created.json();

  await page.goto(`/datasets/${id}`);
  const progress = page.getByRole('status').filter({ hasText: 'Reading broken and bulk' });
  const during = progress.getByRole('region', { name: 'Unreadable files' });
  await expect(during).toContainText('logs/a-broken.json.gz');
  await expect(progress.getByRole('progressbar', { name: 'Ingest progress' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/file-errors-during.png' });
  await progress.getByRole('button', { name: 'Cancel' }).click();

  await expect(page.getByRole('alert').filter({ hasText: 'was cancelled' })).toBeVisible({ timeout: 30_000 });
  const after = page.getByRole('region', { name: 'Unreadable files' });
  const problems = (await (await page.request.get(`/api/datasets/${id}/problems?kind=file-error`)).json()).problems as { file: string; reason: string }[];
  expect(problems.map((problem) => problem.file)).toContain('logs/a-broken.json.gz');
  await expect(after.getByRole('heading')).toHaveText(problems.length === 1 ? '1 file could not be read' : `${problems.length} files could not be read`);
  for (const problem of problems) await expect(after).toContainText(problem.file);
  await page.screenshot({ path: 'test-results/screenshots/file-errors-after.png' });
});
