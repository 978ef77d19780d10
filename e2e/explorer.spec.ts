import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { type Page, expect, test } from '@playwright/test';
import { firstRows } from './event-rows';

async function openSample(page: Page, query = '') {
  await page.goto('/');
  const link = page.getByRole('table', { name: 'Datasets' }).getByRole('link', { name: /^Sample:/ });
  const href = await link.getAttribute('href');
  await page.goto(`${href}${query}`);
}

const rows = (page: Page) => page.getByRole('table', { name: 'Events' }).locator('tbody tr');

test('facets include and exclude values, with counts under the current view', async ({ page }) => {
  await openSample(page);
  const services = page.getByRole('navigation', { name: 'Facets' }).getByRole('region', { name: 'Service' });
  await expect(services).toContainText('AWS Config');
  await services.getByRole('link', { name: 'AWS Config', exact: true }).click();
  await expect(page).toHaveURL(/service=config\.amazonaws\.com/);
  await expect(page.getByText('1–10 of 10 events')).toBeVisible();

  await page.getByRole('navigation', { name: 'Facets' }).getByRole('link', { name: 'Exclude service config.amazonaws.com' }).click();
  await expect(page).toHaveURL(/service=%21config\.amazonaws\.com/);
  await expect(page.getByText(/of 319 events/)).toBeVisible();
  await expect(page.getByRole('list', { name: 'Active filters' })).toContainText('service ≠ config.amazonaws.com');
});

test('the detail panel marks each redaction with its kind and reason', async ({ page }) => {
  await openSample(page, '?event=CreatePrivateVirtualInterface');
  await rows(page).first().getByRole('link', { name: /2014-04-04/ }).click();
  const detail = page.getByRole('complementary', { name: 'Event detail' });
  await expect(detail.getByRole('heading', { name: 'CreatePrivateVirtualInterface' })).toBeVisible();
  await expect(detail.getByRole('region', { name: 'Redactions' })).toContainText('requestParameters.newPrivateVirtualInterface.authKey');
  await expect(detail.getByRole('region', { name: 'Redactions' })).toContainText('Protected in published examples');
  await expect(detail.locator('[data-redacted="protected"]')).toHaveCount(7);
  await expect(detail.getByRole('region', { name: 'Repairs' })).toContainText('skipped the placeholder "..."');
  await page.screenshot({ path: 'test-results/screenshots/detail-protected.png' });

  await openSample(page, '?event=SendCommand');
  await rows(page).first().getByRole('link', { name: /20\d\d-/ }).click();
  await expect(detail.locator('[data-redacted="hidden"]').first()).toBeVisible();
  await expect(detail.getByRole('region', { name: 'Redactions' })).toContainText('Hidden by AWS');
});

test('Export CSV downloads exactly the view’s events, in the view’s order', async ({ page }) => {
  await openSample(page, '?service=config.amazonaws.com&sort=event&order=asc');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export CSV' }).click()]);
  const text = await readFile((await download.path())!, 'utf8');
  expect(text.split('\r\n')[0]).toMatch(/^eventTime,eventSource,eventName,/);
  const table: Record<string, string>[] = parse(text, { columns: true });
  const id = new URL(page.url()).pathname.split('/').pop();
  const api = await (await page.request.get(`/api/datasets/${id}/events?service=config.amazonaws.com&sort=event&order=asc`)).json();
  expect(api.total).toBe(10);
  expect(table.map((line) => [line.eventTime, line.eventSource, line.eventName])).toEqual(
    api.rows.map((row: { eventTime: string; eventSource: string; eventName: string }) => [row.eventTime, row.eventSource, row.eventName]),
  );
});

test('the table is keyboard reachable: j and k move, Enter opens the record, Escape closes it', async ({ page }) => {
  await openSample(page, '?service=config.amazonaws.com&sort=time&order=asc');
  const third = await rows(page).nth(2).locator('td').nth(2).innerText();
  await page.getByLabel(/^Events table/).focus();
  await page.keyboard.press('j');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('k');
  await page.keyboard.press('j');
  await page.keyboard.press('Enter');
  const detail = page.getByRole('complementary', { name: 'Event detail' });
  await expect(detail.getByRole('heading', { level: 2 })).toHaveText(third);
  await expect(page).toHaveURL(/detail=/);
  await page.getByLabel(/^Events table/).focus();
  await page.keyboard.press('Escape');
  await expect(detail).toHaveCount(0);
  await expect(page).not.toHaveURL(/detail=/);
});

test('a short link opens the same view, detail included, in a fresh browser', async ({ page, browser }) => {
  await openSample(page, '?service=ec2.amazonaws.com&sort=identity&order=asc');
  await rows(page).nth(1).getByRole('link', { name: /20\d\d-/ }).click();
  await expect(page).toHaveURL(/detail=/);
  const seen = await firstRows(page);
  expect(seen).toHaveLength(10);
  const heading = await page.getByRole('complementary', { name: 'Event detail' }).getByRole('heading', { level: 2 }).innerText();
  await page.getByRole('button', { name: 'Copy short link' }).click();
  const shortLink = await page.getByLabel('Short link').inputValue();
  expect(shortLink).toMatch(/\/v\/[A-Za-z0-9_-]{22}$/);
  expect(shortLink).not.toContain('ec2');

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(shortLink);
  await expect(other).toHaveURL(/service=ec2\.amazonaws\.com/);
  expect(await firstRows(other)).toEqual(seen);
  await expect(other.getByRole('complementary', { name: 'Event detail' }).getByRole('heading', { level: 2 })).toHaveText(heading);
  await fresh.close();
});

test.describe('in a browser set to Paris time', () => {
  test.use({ timezoneId: 'Europe/Paris' });

  test('times switch between UTC and local, with the offset shown, and the link keeps the choice', async ({ page, browser }) => {
    await openSample(page, '?service=directconnect.amazonaws.com&sort=time&order=asc');
    await expect(rows(page).first()).toContainText('2014-04-04 17:27:28');
    await page.getByRole('link', { name: 'local (Europe/Paris)' }).click();
    await expect(page).toHaveURL(/tz=Europe%2FParis/);
    await expect(rows(page).first()).toContainText('2014-04-04 19:27:28 +02:00');
    await expect(page.getByRole('columnheader', { name: 'Time (Europe/Paris)' })).toBeVisible();

    const elsewhere = await browser.newContext({ timezoneId: 'America/New_York' });
    const other = await elsewhere.newPage();
    await other.goto(page.url());
    await expect(rows(other).first()).toContainText('2014-04-04 19:27:28 +02:00');
    await elsewhere.close();
  });
});

test('dragging across the histogram zooms the view to that span', async ({ page }) => {
  await openSample(page, '?limit=1000');
  const chart = page.getByRole('figure', { name: 'Events over time' });
  const box = (await chart.locator('.recharts-cartesian-grid, .recharts-bar').first().boundingBox()) ?? (await chart.boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * 0.05, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.3, y, { steps: 8 });
  await page.mouse.move(box.x + box.width * 0.6, y, { steps: 8 });
  await page.mouse.up();
  await expect(page).toHaveURL(/from=.*&to=/);
  const url = new URL(page.url());
  const [from, to] = [url.searchParams.get('from')!, url.searchParams.get('to')!];
  expect(Date.parse(from)).toBeLessThan(Date.parse(to));
  await expect(page.getByText(/of \d+ events/)).not.toHaveText(/of 329 events/);
  const times = await rows(page).locator('td:first-child').allInnerTexts();
  expect(times.length).toBeGreaterThan(0);
  for (const time of times) {
    const instant = Date.parse(`${time.replace(' ', 'T')}Z`);
    expect(instant).toBeGreaterThanOrEqual(Date.parse(from));
    expect(instant).toBeLessThan(Date.parse(to));
  }
});

test('the column chooser hides a column, and the link keeps it hidden', async ({ page }) => {
  await openSample(page);
  const table = page.getByRole('table', { name: 'Events' });
  await expect(table.getByRole('columnheader', { name: 'Region' })).toBeVisible();
  await page.getByText('Columns', { exact: true }).click();
  await page.getByRole('menuitemcheckbox', { name: 'Region' }).click();
  await expect(page).toHaveURL(/hide=region/);
  await expect(table.getByRole('columnheader', { name: 'Region' })).toHaveCount(0);
  await expect(table.getByRole('columnheader', { name: 'Account' })).toBeVisible();
  await page.reload();
  await expect(table.getByRole('columnheader', { name: 'Region' })).toHaveCount(0);
});

test('time range presets count back from the last event, and an absolute range can be typed', async ({ page }) => {
  await openSample(page);
  await page.getByRole('link', { name: 'Last 24 h' }).click();
  await expect(page).toHaveURL(/from=-24h/);
  // The newest sample events are the two Bedrock calls of 2025-03-26.
  await expect(page.getByText('1–2 of 2 events')).toBeVisible();
  await page.getByRole('link', { name: 'All', exact: true }).click();
  await expect(page.getByText(/of 329 events/)).toBeVisible();
  await page.getByLabel('From (UTC)').fill('2014-04-04T00:00');
  await page.getByLabel('To (UTC)').fill('2014-04-05T00:00');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/from=2014-04-04T00%3A00%3A00Z&to=2014-04-05T00%3A00%3A00Z/);
  await expect(page.getByText('1–4 of 4 events')).toBeVisible();
});

test('the search box finds text anywhere in the records, in any case', async ({ page }) => {
  await openSample(page);
  await page.getByRole('searchbox', { name: 'Search the records' }).fill('EQSE2');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/q=EQSE2/);
  // The Direct Connect location "EqSE2" appears in CreateConnection and CreatePrivateVirtualInterface.
  await expect(page.getByText('1–2 of 2 events')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Active filters' })).toContainText('text contains “EQSE2”');
});
