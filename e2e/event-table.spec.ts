import { type Page, expect, test } from '@playwright/test';

async function sampleHref(page: Page): Promise<string> {
  await page.goto('/');
  return (await page.getByRole('table', { name: 'Datasets' }).getByRole('link', { name: /^Sample:/ }).getAttribute('href'))!;
}

const rows = (page: Page) => page.getByRole('table', { name: 'Events' }).locator('tbody tr');
const scrollBox = (page: Page) => page.getByLabel(/^Events table/);
// The scroll box is at most 70% of the 900 px viewport, 48 px a row, plus the rows drawn beyond each edge.
const MAX_DRAWN_ROWS = 40;

async function scrollToEnd(page: Page) {
  await scrollBox(page).evaluate((box) => box.scrollTo({ top: box.scrollHeight }));
}

// Pages of a thousand rows take a while to render on a busy machine.
test.describe.configure({ timeout: 150_000 });

test('a page larger than the screen keeps only the rows in sight in the DOM', async ({ page }) => {
  await page.goto(`${await sampleHref(page)}?limit=1000&sort=time&order=asc`);
  await expect(page.getByText('Rows 1–329 of 329 in the table')).toBeVisible();
  await expect(rows(page).first()).toHaveAttribute('aria-rowindex', '2');
  expect(await rows(page).count()).toBeLessThanOrEqual(MAX_DRAWN_ROWS);

  await scrollBox(page).evaluate((box) => box.scrollTo({ top: box.scrollHeight / 2 }));
  await expect(rows(page).first()).not.toHaveAttribute('aria-rowindex', '2');
  expect(await rows(page).count()).toBeLessThanOrEqual(MAX_DRAWN_ROWS);

  await scrollToEnd(page);
  await scrollBox(page).scrollIntoViewIfNeeded();
  const last = rows(page).last();
  await expect(last).toHaveAttribute('aria-rowindex', '330');
  await expect(last).toBeInViewport();
  // The newest sample event, last in ascending time order.
  await expect(last).toContainText('2025-03-26 17:22:33');
  expect(await rows(page).count()).toBeLessThanOrEqual(MAX_DRAWN_ROWS);
  await page.screenshot({ path: 'test-results/screenshots/virtual-table-end.png' });

  // Other rows start from the top again, not from where the old ones were scrolled to.
  await page.getByRole('columnheader', { name: 'Service' }).getByRole('link').click();
  await expect(page).toHaveURL(/sort=service/);
  await expect(rows(page).first()).toHaveAttribute('aria-rowindex', '2');
  expect(await scrollBox(page).evaluate((box) => box.scrollTop)).toBe(0);
});

test('scrolling to the end of the loaded rows fetches the next pages, while the URL keeps where the table starts', async ({ page }) => {
  const href = await sampleHref(page);
  await page.goto(`${href}?limit=50&sort=time&order=asc`);
  const url = page.url();
  await expect(page.getByText('1–50 of 329 events')).toBeVisible();
  // Fifty rows leave fewer than a screenful and the prefetch margin below the box, so the next page comes unasked.
  await expect(page.getByText('Rows 1–100 of 329 in the table')).toBeVisible();

  for (const loaded of [150, 200, 250, 300, 329]) {
    await scrollToEnd(page);
    await expect(page.getByText(`Rows 1–${loaded} of 329 in the table`)).toBeVisible();
  }
  await scrollToEnd(page);
  await expect(rows(page).last()).toHaveAttribute('aria-rowindex', '330');
  expect(await rows(page).count()).toBeLessThanOrEqual(MAX_DRAWN_ROWS);
  expect(page.url()).toBe(url);

  // Each drawn row is the one the events API puts at that position.
  const id = href.split('/').pop();
  const api = await (await page.request.get(`/api/datasets/${id}/events?sort=time&order=asc&limit=1000`)).json();
  const drawn = await rows(page).evaluateAll((trs) => trs.map((tr) => [Number(tr.getAttribute('aria-rowindex')) - 2, tr.children[2]?.textContent]));
  expect(drawn.length).toBeGreaterThan(5);
  for (const [position, eventName] of drawn) expect(eventName).toBe(api.rows[position as number].eventName ?? '—');
});

test('the keyboard cursor scrolls itself into view, and Enter opens the row it is on', async ({ page }) => {
  await page.goto(`${await sampleHref(page)}?limit=1000&sort=time&order=asc`);
  await scrollBox(page).focus();
  for (let step = 0; step < 30; step++) await page.keyboard.press('j');
  const selected = page.locator('tbody tr[data-cursor]');
  await expect(selected).toHaveAttribute('aria-rowindex', '32');
  await expect(selected).toBeInViewport();
  const eventName = await selected.locator('td').nth(2).innerText();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('complementary', { name: 'Event detail' }).getByRole('heading', { level: 2 })).toHaveText(eventName);
  // The table keeps its place: the opened row is still in sight and marked.
  await expect(page.locator('tbody tr[aria-selected="true"]')).toBeInViewport();
  await page.screenshot({ path: 'test-results/screenshots/virtual-table-keyboard.png' });
  await scrollBox(page).focus();
  for (let step = 0; step < 5; step++) await page.keyboard.press('k');
  await expect(selected).toHaveAttribute('aria-rowindex', '27');
});
