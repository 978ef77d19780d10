import { NextResponse } from 'next/server';
import type { NextRequest } from 'next/server';
import { accessRefusal } from '@/lib/http/access';

/** Every page and API request passes the access check first (see lib/http/access.ts). */
export function proxy(request: NextRequest): Response {
  return accessRefusal(request) ?? NextResponse.next();
}

export const config = {
  // Next.js copies a request body in memory (10 MB at most, cutting the rest) before it reaches a
  // route that a proxy runs for: uploads would be cut short. The two routes that take uploads
  // check access themselves instead, with the same function; build files need no check.
  matcher: ['/((?!_next/static|_next/image|favicon\\.ico$|api/datasets$|api/datasets/[^/]+/files$).*)'],
};
