import { type NextRequest, NextResponse } from 'next/server';
import { circuitOpen } from '@/db/platform/circuit';
import { contentSecurityPolicy } from '@/lib/http/csp';
import { UNAVAILABLE_HEADERS, unavailableBody } from '@/lib/http/unavailable.mjs';
import { urlProblem } from '@/lib/http/url-check';

// Runs before every request (Next 16's request interceptor): refuses URLs with
// NUL bytes or invalid UTF-8, refuses server actions posted from another origin,
// and gives every page a fresh CSP nonce (scripts run by nonce, not 'unsafe-inline').

function refuse(req: NextRequest, status: number, field: string, message: string) {
  if (req.nextUrl.pathname.startsWith('/api/')) {
    return NextResponse.json(
      { error: `Invalid ${field}: ${message}`, fieldErrors: { [field]: [message] } },
      { status, headers: { 'Cache-Control': 'no-store' } },
    );
  }
  return new NextResponse(`${status === 403 ? 'Forbidden' : 'Bad request'}: ${field} ${message}\n`, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}

function unavailable(req: NextRequest) {
  const { body, contentType } = unavailableBody(req.nextUrl.pathname, req.headers.has('next-action'));
  return new NextResponse(body, {
    status: 503,
    headers: { ...UNAVAILABLE_HEADERS, 'Content-Type': contentType },
  });
}

/** True when a server-action POST names an Origin other than the host it was sent to. */
export function isForeignActionOrigin(req: Request): boolean {
  if (req.method !== 'POST' || !req.headers.get('next-action')) return false;
  const origin = req.headers.get('origin');
  if (!origin) return false;
  const host = req.headers.get('x-forwarded-host') ?? req.headers.get('host');
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

// Readiness (it probes the database itself) and liveness (never touches it) answer during an outage.
const HEALTH_ROUTES = new Set(['/api/health', '/api/health/live']);

export function proxy(req: NextRequest) {
  const problem = urlProblem(req.url);
  if (problem) return refuse(req, 400, problem.field, problem.message);
  if (isForeignActionOrigin(req)) return refuse(req, 403, 'origin', 'is not this site');
  // The database is down (SPEC 7): an honest 503 at once instead of a hung or broken page.
  // Health answers for itself (it is the probe clients watch). The request that discovers
  // the outage gets its 503 from scripts/server.mjs, which swaps the page's 500 for it.
  if (circuitOpen() && !HEALTH_ROUTES.has(req.nextUrl.pathname)) return unavailable(req);
  if (req.nextUrl.pathname.startsWith('/api/')) return NextResponse.next();

  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV !== 'production');
  const headers = new Headers(req.headers);
  headers.set('x-nonce', nonce);
  headers.set('Content-Security-Policy', csp);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set('Content-Security-Policy', csp);
  return res;
}

export const config = {
  matcher: [{ source: '/((?!_next/static|_next/image|icon.svg|favicon.ico).*)' }],
};
