import { afterEach, describe, expect, it } from 'vitest';
import { SESSION_SECONDS, accessRefusal, isCrossOrigin, isValidSession, safeNext, sameSecret, sessionValue } from './access';

const TOKEN = 'correct-horse-battery-staple-0123456789';
const request = (url: string, init: RequestInit & { headers?: Record<string, string> } = {}) =>
  new Request(`http://127.0.0.1:3000${url}`, { ...init, headers: { host: '127.0.0.1:3000', ...init.headers } });

afterEach(() => {
  delete process.env.TRAILSCOPE_TOKEN;
});

describe('token and session checks', () => {
  it('compares secrets whatever their lengths', () => {
    expect(sameSecret(TOKEN, TOKEN)).toBe(true);
    expect(sameSecret(`${TOKEN}x`, TOKEN)).toBe(false);
    expect(sameSecret('', TOKEN)).toBe(false);
    expect(sameSecret(TOKEN.slice(0, -1), TOKEN)).toBe(false);
  });

  it('accepts a session signed with the token until it expires, and nothing forged', () => {
    const now = 1_700_000_000;
    const value = sessionValue(TOKEN, now);
    expect(value).not.toContain(TOKEN);
    expect(isValidSession(value, TOKEN, now + 60)).toBe(true);
    expect(isValidSession(value, TOKEN, now + SESSION_SECONDS + 1)).toBe(false);
    expect(isValidSession(value, 'another-token-entirely-0123456789', now)).toBe(false);
    expect(isValidSession(value.replace(/^\d+/, String(now + 10)), TOKEN, now + 20)).toBe(false);
    expect(isValidSession(`${now}.${'A'.repeat(43)}`, TOKEN, now)).toBe(false);
    expect(isValidSession(TOKEN, TOKEN, now)).toBe(false);
  });

  it('goes on after login only to a path of this site', () => {
    expect(safeNext('/datasets/x?service=s3')).toBe('/datasets/x?service=s3');
    for (const hostile of ['https://evil.example/', '//evil.example/', '/\\evil.example', 'javascript:alert(1)', null]) expect(safeNext(hostile)).toBe('/');
  });
});

describe('accessRefusal', () => {
  it('lets everything through without a token, except state changes from another origin', () => {
    expect(accessRefusal(request('/api/datasets'))).toBeNull();
    expect(accessRefusal(request('/api/datasets', { method: 'POST', headers: { origin: 'http://127.0.0.1:3000' } }))).toBeNull();
    expect(accessRefusal(request('/api/datasets', { method: 'POST' }))).toBeNull();
    for (const origin of ['http://evil.example', 'http://127.0.0.1:3001', 'null']) {
      expect(accessRefusal(request('/api/datasets/x', { method: 'DELETE', headers: { origin } }))?.status, origin).toBe(403);
    }
    expect(isCrossOrigin(request('/api/datasets', { method: 'GET', headers: { origin: 'http://evil.example' } }))).toBe(false);
  });

  it('tells a form posted from this site under its no-referrer policy (Origin: null) from one of another site', () => {
    const post = (headers: Record<string, string>) => request('/api/login', { method: 'POST', headers });
    expect(isCrossOrigin(post({ origin: 'null', 'sec-fetch-site': 'same-origin' }))).toBe(false);
    expect(isCrossOrigin(post({ origin: 'null', 'sec-fetch-site': 'cross-site' }))).toBe(true);
    expect(isCrossOrigin(post({ origin: 'null' }))).toBe(true);
    expect(isCrossOrigin(post({ origin: 'http://127.0.0.1:3000', 'sec-fetch-site': 'same-site' }))).toBe(true);
    expect(isCrossOrigin(post({ 'sec-fetch-site': 'cross-site' }))).toBe(true);
    expect(isCrossOrigin(post({ origin: 'http://127.0.0.1:3000', 'sec-fetch-site': 'same-origin' }))).toBe(false);
  });

  it('with a token, asks for it as a bearer header or a session cookie', async () => {
    process.env.TRAILSCOPE_TOKEN = TOKEN;
    const refused = accessRefusal(request('/api/datasets'));
    expect(refused?.status).toBe(401);
    expect(refused?.headers.get('www-authenticate')).toContain('Bearer');
    expect((await refused!.json()).error.code).toBe('unauthorized');
    expect(accessRefusal(request('/api/datasets', { headers: { authorization: 'Bearer wrong' } }))?.status).toBe(401);
    expect(accessRefusal(request('/api/datasets', { headers: { authorization: `Bearer ${TOKEN}` } }))).toBeNull();
    expect(accessRefusal(request('/api/datasets', { headers: { cookie: `a=b; trailscope_session=${sessionValue(TOKEN)}` } }))).toBeNull();
    expect(accessRefusal(request('/api/datasets', { headers: { cookie: `trailscope_session=${TOKEN}` } }))?.status).toBe(401);
  });

  it('with a token, sends pages to the login page, which itself is open', () => {
    process.env.TRAILSCOPE_TOKEN = TOKEN;
    const refused = accessRefusal(request('/datasets/abc?service=s3.amazonaws.com'));
    expect(refused?.status).toBe(303);
    expect(refused?.headers.get('location')).toBe(`http://127.0.0.1:3000/login?next=${encodeURIComponent('/datasets/abc?service=s3.amazonaws.com')}`);
    expect(accessRefusal(request('/login'))).toBeNull();
    expect(accessRefusal(request('/api/login', { method: 'POST', headers: { origin: 'http://127.0.0.1:3000' } }))).toBeNull();
    expect(accessRefusal(request('/api/login', { method: 'POST', headers: { origin: 'http://evil.example' } }))?.status).toBe(403);
  });
});
