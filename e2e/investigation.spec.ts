import { type Page, expect, test } from '@playwright/test';

const SHOTS = '/tmp/wt6-shots';
// Each test walks several pages and takes full-page screenshots in both themes.
test.describe.configure({ timeout: 120_000 });
const CHRISTOPHE = 'arn:aws:iam::457448411975:user/christophe';
// In the sample's stratus-red-team logs, christophe's AssumeRole issues this key, which then makes 30 calls.
const ISSUED_KEY = 'ASIANQQHHS551LWULIWD';

async function sampleHref(page: Page): Promise<string> {
  await page.goto('/');
  return (await page.getByRole('table', { name: 'Datasets' }).getByRole('link', { name: /^Sample:/ }).getAttribute('href'))!;
}

async function shoot(page: Page, name: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `${SHOTS}/${name}-${scheme}.png`, fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('table → identity → session chain → back to the table', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const sample = await sampleHref(page);
  await page.goto(`${sample}?event=AssumeRole&account=457448411975`);
  await page.getByRole('table', { name: 'Events' }).locator('tbody tr').first().getByRole('link', { name: /2024-07-30/ }).click();
  await page.getByRole('complementary', { name: 'Event detail' }).getByRole('link', { name: 'Identity page →' }).click();

  await expect(page).toHaveURL(new RegExp(`/identities/${encodeURIComponent(CHRISTOPHE)}\\?`));
  await expect(page).toHaveURL(/event=AssumeRole/);
  await expect(page.getByRole('heading', { name: /christophe/ })).toBeVisible();
  const started = page.getByRole('table', { name: 'Sessions it started' });
  await expect(started).toContainText(ISSUED_KEY);
  await expect(started).toContainText('stratus-red-team-ec2-get-password-data-role');
  await shoot(page, 'identity-user');

  // The issued key's own page: the role, and the call that created its session.
  await started.getByRole('link', { name: 'stratus-red-team-ec2-get-password-data-role', exact: true }).click();
  await expect(page.getByRole('heading', { name: /stratus-red-team-ec2-get-password-data-role/ })).toBeVisible();
  const origins = page.getByRole('region', { name: 'How its sessions were created' });
  await expect(origins).toContainText(ISSUED_KEY);
  await expect(origins.getByRole('link', { name: 'christophe', exact: true })).toBeVisible();
  await page.goto(page.url().replace(/\?.*$/, ''));
  await expect(page.getByRole('table', { name: 'Sessions under this role' })).toBeVisible();
  await shoot(page, 'identity-role');
  await page.getByRole('region', { name: 'How its sessions were created' }).getByRole('link', { name: 'christophe', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/identities/${encodeURIComponent(CHRISTOPHE)}`));

  // Back to the table: what the issued key did, exactly.
  await page.getByRole('table', { name: 'Sessions it started' }).getByRole('link', { name: '30 events' }).click();
  await expect(page).toHaveURL(new RegExp(`accessKey=${ISSUED_KEY}`));
  await expect(page.getByText('1–30 of 30 events')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Active filters' })).toContainText(`accessKey = ${ISSUED_KEY}`);
});

test('every investigation page survives a URL round trip into a new browser', async ({ page, browser }) => {
  const sample = await sampleHref(page);
  const views = [
    `${sample}/identities?service=ec2.amazonaws.com&by=errors&find=stratus`,
    `${sample}/timeline?lanes=errors&from=2024-07-01T00:00:00Z`,
    `${sample}/overview?region=!us-east-1`,
    `${sample}/identities/${encodeURIComponent(CHRISTOPHE)}?service=sts.amazonaws.com`,
  ];
  const other = await browser.newContext();
  const fresh = await other.newPage();
  for (const url of views) {
    // Compare drawn pages, not their loading states.
    await page.goto(url);
    await expect(page.getByRole('navigation', { name: 'Dataset pages' })).toBeVisible();
    const main = await page.locator('main').innerText();
    await fresh.goto(new URL(page.url()).pathname + new URL(page.url()).search);
    await expect(fresh.getByRole('navigation', { name: 'Dataset pages' })).toBeVisible();
    expect(await fresh.locator('main').innerText()).toBe(main);
  }
  await other.close();

  await page.goto(views[0]!);
  await expect(page.getByRole('columnheader', { name: /Errors/ })).toHaveAttribute('aria-sort', 'descending');
  await expect(page.getByRole('searchbox', { name: 'Find a principal' })).toHaveValue('stratus');
  await expect(page.getByRole('list', { name: 'Active filters' })).toContainText('service = ec2.amazonaws.com');
  // The tab bar carries the view to the other pages.
  await page.getByRole('navigation', { name: 'Dataset pages' }).getByRole('link', { name: 'Events' }).click();
  await expect(page).toHaveURL(/service=ec2\.amazonaws\.com/);
  await expect(page).not.toHaveURL(/find=/);
  await page.goto(views[2]!);
  await expect(page.getByRole('note')).toContainText('No us-east-1');
});

test('the timeline reads with the sample’s services and with 45 at once; buckets open and zoom', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const sample = await sampleHref(page);
  await page.goto(`${sample}/overview`);
  await expect(page.getByRole('region', { name: 'Top services' })).toContainText('AWS Systems Manager');
  await shoot(page, 'overview');
  await page.goto(`${sample}/identities`);
  await expect(page.getByRole('table', { name: 'Identities' })).toContainText('christophe');
  await shoot(page, 'identities');
  await page.goto(`${sample}/timeline`);
  await expect(page.getByRole('figure', { name: 'Activity by service' })).toContainText('AWS Config');
  await shoot(page, 'timeline-sample');

  const records = Array.from({ length: 45 * 6 }, (_, index) => ({
    eventVersion: '1.08',
    eventTime: new Date(Date.UTC(2024, 0, 1) + (index % 45) * 3_600_000 + Math.floor(index / 45) * 600_000 * ((index % 7) + 1)).toISOString().replace('.000', ''),
    eventSource: `service${String(index % 45).padStart(2, '0')}.amazonaws.com`,
    eventName: 'Describe',
    awsRegion: 'us-east-1',
    sourceIPAddress: '192.0.2.1',
    userIdentity: { type: 'IAMUser', arn: 'arn:aws:iam::111111111111:user/many', accountId: '111111111111', userName: 'many' },
    eventID: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    ...(index % 11 === 0 ? { errorCode: 'AccessDenied' } : {}),
  }));
  const created = await page.request.post('/api/datasets', { data: { text: JSON.stringify({ Records: records }), name: 'forty-five services' } });
  const { id } = await created.json();
  await expect(async () => expect((await (await page.request.get(`/api/datasets/${id}`)).json()).status).toBe('ready')).toPass();
  await page.goto(`/datasets/${id}/timeline?lanes=name`);
  const figure = page.getByRole('figure', { name: 'Activity by service' });
  await expect(figure).toContainText('45 services');
  await expect(figure.getByRole('listitem')).toHaveCount(45);
  await shoot(page, 'timeline-45');

  const lane = figure.getByRole('listitem', { name: 'service00.amazonaws.com' });
  const buckets = lane.getByRole('link', { name: /events/ });
  await buckets.first().click();
  await expect(page).toHaveURL(/\/datasets\/[^/?]+\?service=service00\.amazonaws\.com&from=.+&to=/);
  await expect(page.getByRole('table', { name: 'Events' })).toBeVisible();

  await page.goto(`/datasets/${id}/timeline?lanes=name`);
  const track = await figure.getByRole('listitem', { name: 'service10.amazonaws.com' }).locator('div').first().boundingBox();
  await page.mouse.move(track!.x + 5, track!.y + track!.height / 2);
  await page.mouse.down();
  await page.mouse.move(track!.x + track!.width / 3, track!.y + track!.height / 2, { steps: 8 });
  await page.mouse.up();
  await expect(page).toHaveURL(/\/timeline\?from=2024-01-01T00%3A.+&to=.+&lanes=name$/);
  await expect(figure).not.toContainText('45 services');
});

test('the time-range picker and the filter pills keep a page’s own settings', async ({ page }) => {
  const sample = await sampleHref(page);
  await page.goto(`${sample}/timeline?lanes=errors&region=us-east-1`);
  await page.getByRole('link', { name: 'Last 7 days' }).click();
  await expect(page).toHaveURL(/\/timeline\?region=us-east-1&from=-7d&lanes=errors$/);
  await page.getByRole('link', { name: 'Remove filter region us-east-1' }).click();
  await expect(page).toHaveURL(/\/timeline\?from=-7d&lanes=errors$/);

  await page.goto(`${sample}/identities?by=errors&dir=asc&find=christophe&region=us-east-1`);
  await page.getByRole('link', { name: 'Exclude region us-east-1' }).click();
  await expect(page).toHaveURL(/\/identities\?region=%21us-east-1&by=errors&dir=asc&find=christophe$/);
  await page.getByRole('link', { name: 'All', exact: true }).click();
  await expect(page).toHaveURL(/\/identities\?region=%21us-east-1&by=errors&dir=asc&find=christophe$/);
});
