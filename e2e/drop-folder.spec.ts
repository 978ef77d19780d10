import path from 'node:path';
import { expect, test } from '@playwright/test';

// A page cannot build a dropped folder itself (its DataTransfer holds no directory entries), so the
// folder is dragged in by the browser: DevTools' drag input carries real paths, as the desktop does.
test('a folder dropped through real drag events is walked, subfolders included', async ({ page }) => {
  const folder = path.join(process.cwd(), 'fixtures/s3-layout');
  await page.goto('/');
  const zone = page.getByRole('region', { name: 'Drop CloudTrail logs here' });
  const box = (await zone.boundingBox())!;
  const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  const cdp = await page.context().newCDPSession(page);
  const data = { items: [], files: [folder], dragOperationsMask: 1 };
  await cdp.send('Input.dispatchDragEvent', { type: 'dragEnter', ...at, data });
  await cdp.send('Input.dispatchDragEvent', { type: 'dragOver', ...at, data });
  await cdp.send('Input.dispatchDragEvent', { type: 'drop', ...at, data });

  await expect(page).toHaveURL(/\/datasets\/[A-Za-z0-9_-]{22}$/, { timeout: 20_000 });
  // The tree holds the 312 Stratus Red Team records and 36 digest files, which are skipped by their path.
  await expect(page.getByText('1–100 of 312 events')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('link', { name: /^Problems:/ })).toContainText('36 files skipped');
});
