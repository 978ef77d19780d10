/**
 * The dataset page in Chromium at the benchmark's size: the time from asking for the page to the
 * first table row on screen, and how many rows the DOM holds while the table is scrolled end to end.
 */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { percentile } from './percentile';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';
const PAINTS = 7;
const SCROLL_STEPS = 40;

export interface BrowserFigures {
  firstRowP50: number;
  firstRowMax: number;
  /** Rows the table had loaded after scrolling, and the most it ever held in the DOM at once. */
  rowsScrolled: number;
  maxDomRows: number;
}

export async function measureBrowser(datasetUrl: string): Promise<BrowserFigures> {
  const browser = await chromium.launch(
    existsSync(SYSTEM_CHROMIUM) ? { executablePath: SYSTEM_CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] } : {},
  );
  try {
    const paints: number[] = [];
    for (let run = 0; run < PAINTS; run++) {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      const started = performance.now();
      await page.goto(datasetUrl, { waitUntil: 'commit' });
      await page.locator('table tbody tr').first().waitFor({ state: 'visible', timeout: 60_000 });
      paints.push(performance.now() - started);
      await page.close();
    }

    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${datasetUrl}?limit=1000`);
    await page.locator('table tbody tr').first().waitFor({ state: 'visible', timeout: 60_000 });
    await page.locator('table tbody tr').first().hover();
    let maxDomRows = 0;
    let rowsScrolled = 0;
    for (let step = 0; step < SCROLL_STEPS; step++) {
      await page.mouse.wheel(0, 2000);
      await page.waitForTimeout(100);
      maxDomRows = Math.max(maxDomRows, await page.locator('table tbody tr').count());
      // Virtualized rows carry their index; a plain table's count is all it holds.
      rowsScrolled = Math.max(
        rowsScrolled,
        await page.locator('table tbody tr').evaluateAll((rows) =>
          Math.max(rows.length, ...rows.map((row) => Number(row.getAttribute('data-index') ?? 0) + 1)),
        ),
      );
    }
    return { firstRowP50: percentile(paints, 0.5), firstRowMax: Math.max(...paints), rowsScrolled, maxDomRows };
  } finally {
    await browser.close();
  }
}
