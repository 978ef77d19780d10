import { afterEach, describe, expect, it } from 'vitest';
import { isValidSession } from '@/lib/http/access';
import * as login from './route';

const TOKEN = 'correct-horse-battery-staple-0123456789';
const post = (fields: Record<string, string>, url = 'http://127.0.0.1:3000/api/login') =>
  new Request(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields) });

afterEach(() => {
  delete process.env.TRAILSCOPE_TOKEN;
});

describe('POST /api/login', () => {
  it('sets an HttpOnly, SameSite=Strict session cookie for the right token and goes on', async () => {
    process.env.TRAILSCOPE_TOKEN = TOKEN;
    const response = await login.POST(post({ token: TOKEN, next: '/datasets/abc' }));
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/datasets/abc');
    const cookie = response.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^trailscope_session=[^;]+; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Strict$/);
    expect(isValidSession(cookie.split(/[=;]/)[1]!, TOKEN)).toBe(true);
    const secure = await login.POST(post({ token: TOKEN }, 'https://trailscope.example/api/login'));
    expect(secure.headers.get('set-cookie')).toMatch(/; Secure$/);
  });

  it('sends a wrong token back to the form, with no cookie, and never off the site', async () => {
    process.env.TRAILSCOPE_TOKEN = TOKEN;
    const response = await login.POST(post({ token: 'guess', next: 'https://evil.example/' }));
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/login?next=%2F&failed=1');
    expect(response.headers.get('set-cookie')).toBeNull();
  });
});
