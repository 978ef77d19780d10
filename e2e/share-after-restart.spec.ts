import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Page, expect, test } from '@playwright/test';
import { eventRows as rows, firstRows } from './event-rows';
import { type OwnServer, freePort, sampleId, startOwnServer } from './own-server';

const detailHeading = (page: Page) => page.getByRole('complementary', { name: 'Event detail' }).getByRole('heading', { level: 2 });

/** What an analyst sees of a view: its first rows in order, how many match, which column sorts them and how, and the open record. */
async function seen(page: Page) {
  return {
    rows: await firstRows(page),
    count: await page.getByText(/^Rows .* in the table$/).innerText(),
    sortedBy: await page.locator('th[aria-sort]').textContent(),
    order: await page.locator('th[aria-sort]').getAttribute('aria-sort'),
    detail: await detailHeading(page).innerText(),
  };
}

test('a full link and a short link open the same rows, sort and record after the server restarts', async ({ browser }) => {
  test.setTimeout(180_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'trailscope-restart-'));
  const port = await freePort();
  let server: OwnServer | null = await startOwnServer({ PORT: String(port), TRAILSCOPE_DATA_DIR: dataDir });
  try {
    const id = await sampleId(server);
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/datasets/${id}?service=ec2.amazonaws.com&sort=identity&order=asc`);
    await rows(page).nth(3).getByRole('link', { name: /20\d\d-/ }).click();
    await expect(page).toHaveURL(/detail=/);
    const before = await seen(page);
    expect(before).toMatchObject({ sortedBy: 'Identity ▲', order: 'ascending', count: 'Rows 1–87 of 87 in the table' });
    expect(before.rows).toHaveLength(10);
    const fullLink = page.url();
    await page.getByRole('button', { name: 'Copy short link' }).click();
    const shortLink = await page.getByLabel('Short link').inputValue();
    expect(shortLink).toMatch(/\/v\/[A-Za-z0-9_-]{22}$/);
    await context.close();

    await server.stop();
    server = null;
    server = await startOwnServer({ PORT: String(port), TRAILSCOPE_DATA_DIR: dataDir });

    for (const link of [fullLink, shortLink]) {
      const fresh = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const other = await fresh.newPage();
      await other.goto(link);
      await expect(other).toHaveURL(fullLink);
      expect(await seen(other)).toEqual(before);
      await fresh.close();
    }
  } finally {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
