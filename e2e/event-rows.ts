import { type Page, expect } from '@playwright/test';

/** The event table's drawn rows: only those in or near the scroll box are in the page. */
export const eventRows = (page: Page) => page.getByRole('table', { name: 'Events' }).locator('tbody tr');

/** The view's first ten rows as text: how many rows past the scroll box are drawn depends on timing. */
export async function firstRows(page: Page): Promise<string[]> {
  await expect(eventRows(page).first()).toBeVisible();
  const drawn = await eventRows(page).evaluateAll((trs) => trs.map((tr) => ({ at: Number(tr.getAttribute('aria-rowindex')), text: (tr as HTMLElement).innerText })));
  return drawn.filter((row) => row.at <= 11).map((row) => row.text);
}
