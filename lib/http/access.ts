import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

// Access control: with TRAILSCOPE_TOKEN set, every request shows the token (a bearer header) or the
// session cookie the login page sets from it. State-changing requests from another origin are
// refused whether or not a token is set, so no web page can drive a Trailscope it can reach.

export const SESSION_COOKIE = 'trailscope_session';
export const SESSION_SECONDS = 12 * 60 * 60;
/** Paths anyone may reach: the login page and its form's target. */
const PUBLIC_PATHS = new Set(['/login', '/api/login']);
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function configuredToken(): string | null {
  return process.env.TRAILSCOPE_TOKEN || null;
}

/** Compares in constant time: both sides are hashed first, so neither length nor content leaks. */
export function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function signature(token: string, issuedAt: number): string {
  return createHmac('sha256', token).update(`trailscope-session:${issuedAt}`).digest('base64url');
}

/** A session cookie's value: when it was issued, signed with the token (the token itself never goes in a cookie). */
export function sessionValue(token: string, issuedAt = Math.floor(Date.now() / 1000)): string {
  return `${issuedAt}.${signature(token, issuedAt)}`;
}

export function isValidSession(value: string, token: string, now = Math.floor(Date.now() / 1000)): boolean {
  const match = /^(\d{1,12})\.([\w-]{43})$/.exec(value);
  if (!match) return false;
  const issuedAt = Number(match[1]);
  if (issuedAt > now + 60 || now - issuedAt > SESSION_SECONDS) return false;
  return sameSecret(match[2]!, signature(token, issuedAt));
}

export function cookieOf(request: Request, name: string): string | null {
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return null;
}

export function hasAccess(request: Request, token: string): boolean {
  const bearer = /^Bearer (.+)$/i.exec(request.headers.get('authorization') ?? '');
  if (bearer) return sameSecret(bearer[1]!, token);
  const session = cookieOf(request, SESSION_COOKIE);
  return session !== null && isValidSession(session, token);
}

/**
 * True when the request changes state and the browser says it comes from a page of another origin.
 * Browsers send `Sec-Fetch-Site`; a form posted under this site's `no-referrer` policy has `Origin:
 * null`, so that header alone cannot tell. Clients that send neither (curl, scripts) are no page.
 */
export function isCrossOrigin(request: Request): boolean {
  if (SAFE_METHODS.has(request.method)) return false;
  const site = request.headers.get('sec-fetch-site');
  // Another port of the same host is `same-site`: another origin all the same.
  if (site !== null && site !== 'same-origin' && site !== 'none') return true;
  const origin = request.headers.get('origin');
  if (origin === null) return false;
  if (origin === 'null') return site !== 'same-origin';
  try {
    return new URL(origin).host !== request.headers.get('host');
  } catch {
    return true;
  }
}

// The error shape of lib/http/responses, built here: that module reaches the store, which the proxy must not load.
function refuse(status: number, code: string, message: string, headers: Record<string, string> = {}): Response {
  return Response.json({ error: { code, message } }, { status, headers });
}

/**
 * Why a request may not go on (a response to send instead), or null when it may. A page request
 * without access is sent to the login page; an API request gets 401.
 */
export function accessRefusal(request: Request): Response | null {
  if (isCrossOrigin(request)) return refuse(403, 'cross_origin', 'state-changing requests must come from Trailscope’s own pages');
  const token = configuredToken();
  const url = new URL(request.url);
  if (!token || PUBLIC_PATHS.has(url.pathname) || hasAccess(request, token)) return null;
  if (url.pathname.startsWith('/api/')) {
    return refuse(401, 'unauthorized', 'send the access token as "Authorization: Bearer <token>", or log in at /login', {
      'www-authenticate': 'Bearer realm="trailscope"',
    });
  }
  const login = new URL('/login', url);
  login.searchParams.set('next', `${url.pathname}${url.search}`);
  return Response.redirect(login, 303);
}

/** Where to go after logging in: a path of this site only, never another host. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}
