import { SESSION_COOKIE, SESSION_SECONDS, configuredToken, safeNext, sameSecret, sessionValue } from '@/lib/http/access';
import { boundedText } from '@/lib/http/bounded-body';

// A wrong token waits a little before its answer, so guessing costs time.
const FAILURE_DELAY_MS = 500;

function seeOther(location: string, cookie?: string): Response {
  const headers = new Headers({ location });
  if (cookie) headers.set('set-cookie', cookie);
  return new Response(null, { status: 303, headers });
}

/** The login form's target: the right token sets the session cookie and goes on to `next`. */
export async function POST(request: Request): Promise<Response> {
  const form = new URLSearchParams(await boundedText(request, 16 * 1024).catch(() => ''));
  const next = safeNext(form.get('next'));
  const token = configuredToken();
  if (!token) return seeOther(next);
  if (!sameSecret(form.get('token') ?? '', token)) {
    await new Promise((resolve) => setTimeout(resolve, FAILURE_DELAY_MS));
    return seeOther(`/login?${new URLSearchParams({ next, failed: '1' })}`);
  }
  const secure = new URL(request.url).protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https';
  const cookie = `${SESSION_COOKIE}=${sessionValue(token)}; Path=/; Max-Age=${SESSION_SECONDS}; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
  return seeOther(next, cookie);
}
