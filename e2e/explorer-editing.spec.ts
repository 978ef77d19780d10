import { type Page, expect, test } from '@playwright/test';

async function openSample(page: Page, query = '') {
  await page.goto('/');
  const href = await page.getByRole('table', { name: 'Datasets' }).getByRole('link', { name: /^Sample:/ }).getAttribute('href');
  await page.goto(`${href}${query}`);
}

const pills = (page: Page) => page.getByRole('list', { name: 'Active filters' });

test('a filter pill’s value can be changed in place, and Enter applies it through the URL', async ({ page }) => {
  await openSample(page, '?service=%21config.amazonaws.com&region=us-east-1');
  await pills(page).getByRole('button', { name: 'Change service config.amazonaws.com' }).click();
  const field = pills(page).getByRole('textbox', { name: 'New value for service' });
  await expect(field).toHaveValue('config.amazonaws.com');
  await page.screenshot({ path: 'test-results/screenshots/pill-editing.png' });
  await field.fill('sts.amazonaws.com');
  await field.press('Enter');
  // The negation and the other filter stay; only the value changed.
  await expect(page).toHaveURL(/\?service=%21sts\.amazonaws\.com&region=us-east-1$/);
  await expect(pills(page)).toContainText('service ≠ sts.amazonaws.com');
  await expect(pills(page)).toContainText('region = us-east-1');

  // Escape gives up without touching the view.
  await pills(page).getByRole('button', { name: 'Change region us-east-1' }).click();
  await pills(page).getByRole('textbox', { name: 'New value for region' }).fill('eu-west-1');
  await page.keyboard.press('Escape');
  await expect(pills(page).getByRole('textbox')).toHaveCount(0);
  await expect(page).toHaveURL(/region=us-east-1$/);
});

test('a pill for a filter with fixed values offers those values to choose from', async ({ page }) => {
  await openSample(page, '?readOnly=true');
  const total = (await page.getByText(/^1–\d+ of [\d,]+ events$/).innerText()).split(' of ')[1];
  await pills(page).getByRole('button', { name: 'Change readOnly true' }).click();
  await pills(page).getByRole('combobox', { name: 'New value for readOnly' }).selectOption('false');
  await expect(page).toHaveURL(/\?readOnly=false$/);
  await expect(page.getByText(/^1–\d+ of [\d,]+ events$/)).not.toHaveText(new RegExp(`of ${total}$`));
});

test('the search text pill can be changed too', async ({ page }) => {
  await openSample(page, '?q=EqSE2');
  await expect(page.getByText('1–2 of 2 events')).toBeVisible();
  await pills(page).getByRole('button', { name: 'Change the search text' }).click();
  await pills(page).getByRole('textbox', { name: 'New search text' }).fill('GetPasswordData');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\?q=GetPasswordData$/);
  await expect(page.getByText('1–30 of 30 events')).toBeVisible();
});

test.describe('with the clipboard allowed', () => {
  test.beforeEach(async ({ context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  });

  test('the record tree copies one value, a whole branch, or the whole record', async ({ page }) => {
    await openSample(page, '?event=CreatePrivateVirtualInterface');
    await page.getByRole('table', { name: 'Events' }).locator('tbody tr').first().getByRole('link', { name: /2014-04-04/ }).click();
    const record = page.getByRole('complementary', { name: 'Event detail' }).getByLabel('Record', { exact: true });
    const clipboard = () => page.evaluate(() => navigator.clipboard.readText());

    await record.getByRole('button', { name: 'Copy eventName' }).click();
    await expect(record.getByRole('button', { name: 'Copy eventName' })).toHaveText('copied');
    expect(await clipboard()).toBe('CreatePrivateVirtualInterface');

    await record.getByRole('button', { name: 'Copy requestParameters.newPrivateVirtualInterface.authKey' }).click();
    expect(await clipboard()).toBe('[PROTECTED]');

    await record.getByRole('button', { name: 'Copy requestParameters', exact: true }).click();
    expect(JSON.parse(await clipboard())).toMatchObject({ newPrivateVirtualInterface: { authKey: '[PROTECTED]' } });

    await record.getByRole('button', { name: 'Copy the whole record' }).click();
    const whole = JSON.parse(await clipboard());
    expect(whole).toMatchObject({ eventName: 'CreatePrivateVirtualInterface', eventSource: 'directconnect.amazonaws.com' });
    await record.getByRole('button', { name: 'Copy eventName' }).hover();
    await page.screenshot({ path: 'test-results/screenshots/record-copy.png' });
  });
});

test('the histogram splits its bars by service when asked, and the link keeps the choice', async ({ page, browser }) => {
  await openSample(page);
  const chart = page.getByRole('figure', { name: 'Events over time' });
  await expect(chart.locator('.recharts-bar')).toHaveCount(2);
  await chart.getByRole('link', { name: 'service' }).click();
  await expect(page).toHaveURL(/stack=service/);
  await expect(chart.getByRole('link', { name: 'service' })).toHaveAttribute('aria-current', 'true');
  // The ten busiest services each get a stack, and the rest one more.
  await expect(chart.locator('.recharts-bar')).toHaveCount(11);
  await expect(chart.locator('.recharts-legend-wrapper')).toContainText('AWS Systems Manager');
  await expect(chart.locator('.recharts-legend-wrapper')).toContainText('Other services');
  await page.screenshot({ path: 'test-results/screenshots/histogram-by-service.png' });

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(page.url());
  await expect(other.getByRole('figure', { name: 'Events over time' }).locator('.recharts-bar')).toHaveCount(11);
  await fresh.close();

  await chart.getByRole('link', { name: 'errors' }).click();
  await expect(page).not.toHaveURL(/stack=/);
  await expect(chart.locator('.recharts-bar')).toHaveCount(2);
});
