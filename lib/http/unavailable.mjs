// The answer to every request while the database is down (SPEC 7): a plain page for
// browsers, a JSON error for the API and server actions. Plain JavaScript so that both
// proxy.ts (bundled by Next) and scripts/server.mjs (plain Node) answer with the same text.

export const UNAVAILABLE_MESSAGE = 'Database unavailable, retry shortly';

export const UNAVAILABLE_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Temporarily unavailable · SRE Portal</title><style>body{font-family:system-ui,sans-serif;display:flex;min-height:100vh;align-items:center;justify-content:center;margin:0;background:#f6f7f9;color:#1f2328}@media (prefers-color-scheme:dark){body{background:#0d1117;color:#e6edf3}}main{max-width:28rem;padding:1.5rem;text-align:center}h1{font-size:1.25rem}</style></head><body><main><h1>The portal's database is unavailable</h1><p>It is probably restarting. Nothing you saved is lost; reload this page in a few seconds.</p></main></body></html>`;

/** Headers of every 503: retry soon, never cache, and the page's own tight CSP. */
export const UNAVAILABLE_HEADERS = {
  'Retry-After': '2',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
};

/**
 * The 503 for one request: JSON for `/api/*` and server actions (which post with a
 * `Next-Action` header), the page for everything else.
 * @param {string} pathname
 * @param {boolean} isAction
 * @returns {{ body: string, contentType: string }}
 */
export function unavailableBody(pathname, isAction) {
  if (pathname.startsWith('/api/') || isAction) {
    return { body: JSON.stringify({ error: UNAVAILABLE_MESSAGE }), contentType: 'application/json' };
  }
  return { body: UNAVAILABLE_PAGE, contentType: 'text/html; charset=utf-8' };
}
