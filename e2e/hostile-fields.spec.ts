import { expect, test } from '@playwright/test';

// A record whose fields carry markup and script: they must show as text, run nothing, load nothing.
const hostile = {
  eventVersion: '1.08',
  eventID: 'hostile-1',
  eventTime: '2024-08-01T12:00:00Z',
  eventSource: 's3.amazonaws.com',
  eventName: '<script>alert("eventName")</script>',
  awsRegion: '<img src=x onerror=alert("region")>',
  sourceIPAddress: 'javascript:alert("ip")',
  userAgent: '<img src="http://127.0.0.2:9/leak" onerror="alert(document.cookie)">',
  userIdentity: { type: 'IAMUser', arn: 'arn:aws:iam::111122223333:user/<svg onload=alert(1)>', userName: '<b>mallory</b>' },
  requestParameters: { bucketName: '"><script>alert("param")</script>', key: '=HYPERLINK("http://evil.example","x")' },
};

test('hostile log fields render as inert text in the table, facets and detail', async ({ page }) => {
  const dialogs: string[] = [];
  const outside: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('request', (request) => {
    if (!request.url().startsWith('http://127.0.0.1:')) outside.push(request.url());
  });

  const created = await page.request.post('/api/datasets', { data: { text: JSON.stringify(hostile), name: '<i>hostile</i>' } });
  const { id } = await created.json();
  await expect(async () => expect((await (await page.request.get(`/api/datasets/${id}`)).json()).status).toBe('ready')).toPass();

  await page.goto(`/datasets/${id}?detail=hostile-1`);
  const table = page.getByRole('table', { name: 'Events' });
  await expect(table).toContainText('<script>alert("eventName")</script>');
  await expect(page.getByRole('navigation', { name: 'Facets' })).toContainText('<img src=x onerror=alert("region")>');
  const detail = page.getByRole('complementary', { name: 'Event detail' });
  await expect(detail).toContainText('<b>mallory</b>');
  // The record tree shows strings as JSON, quotes escaped.
  await expect(detail).toContainText('"\\"><script>alert(\\"param\\")</script>"');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('<i>hostile</i>');
  await page.goto('/');
  await expect(page.getByRole('link', { name: '<i>hostile</i>' })).toBeVisible();

  expect(dialogs).toEqual([]);
  expect(outside).toEqual([]);
});

test('pages send a content security policy without unsafe-eval, and a referrer policy that leaks no view', async ({ page }) => {
  const response = await page.goto('/');
  const headers = response!.headers();
  expect(headers['content-security-policy']).toContain("default-src 'self'");
  expect(headers['content-security-policy']).not.toContain('unsafe-eval');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['x-content-type-options']).toBe('nosniff');
});
