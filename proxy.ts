import { type NextRequest, NextResponse } from 'next/server';
import { circuitOpen } from '@/db/platform/circuit';
import { contentSecurityPolicy } from '@/lib/http/csp';
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

const UNAVAILABLE_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Temporarily unavailable · SRE Portal</title><style>body{font-family:system-ui,sans-serif;display:flex;min-height:100vh;align-items:center;justify-content:center;margin:0;background:#f6f7f9;color:#1f2328}@media (prefers-color-scheme:dark){body{background:#0d1117;color:#e6edf3}}main{max-width:28rem;padding:1.5rem;text-align:center}h1{font-size:1.25rem}</style></head><body><main><h1>The portal's database is unavailable</h1><p>It is probably restarting. Nothing you saved is lost; reload this page in a few seconds.</p></main></body></html>`;

function unavailable(req: NextRequest) {
  if (req.nextUrl.pathname.startsWith('/api/') || req.headers.get('next-action')) {
    return NextResponse.json(
      { error: 'Database unavailable, retry shortly' },
      { status: 503, headers: { 'Retry-After': '2', 'Cache-Control': 'no-store' } },
    );
  }
  return new NextResponse(UNAVAILABLE_PAGE, {
    status: 503,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Retry-After': '2', 'Cache-Control': 'no-store' },
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

export function proxy(req: NextRequest) {
  const problem = urlProblem(req.url);
  if (problem) return refuse(req, 400, problem.field, problem.message);
  if (isForeignActionOrigin(req)) return refuse(req, 403, 'origin', 'is not this site');
  // The database is down (SPEC 7): an honest 503 at once instead of a hung or broken page.
  // Health answers for itself (it is the probe clients watch).
  if (circuitOpen() && req.nextUrl.pathname !== '/api/health') return unavailable(req);
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
