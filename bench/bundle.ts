import { basename } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type BrowserContext, chromium } from '@playwright/test';
import { createToken } from '@/db/identity/tokens';
import { ensureDataset } from './dataset';
import { benchServer, heading, QUICK, report } from './lib';

const ROUTES = [
  '/',
  '/slos',
  '/slos/new',
  '/slos/import',
  '/toil',
  '/toil/reports',
  '/catalog/services',
  '/incidents',
  '/postmortems',
  '/runbooks',
  '/runbooks/new',
  '/capacity',
  '/capacity/new',
  '/reports',
  `/reports/${new Date().toISOString().slice(0, 7)}`,
  '/action-items',
  '/settings/alerts',
  '/settings/tokens',
];

/**
 * Detail pages whose ids depend on the data (the bench dataset or the demo): the first matching
 * link on their list page, then the given sub-pages of it.
 */
const FIRST_LINK: [list: string, pattern: RegExp, subpages: string[]][] = [
  ['/slos', /^\/slos\/(?!new$|import$)[^/?#]+$/, ['', '/edit']],
  ['/catalog/services', /^\/catalog\/services\/(?!new$)[^/?#]+$/, ['']],
  ['/incidents', /^\/incidents\/[^/?#]+$/, ['']],
  ['/postmortems', /^\/postmortems\/[^/?#]+$/, ['']],
  ['/runbooks', /^\/runbooks\/(?!new$|import$|by-alert\/)[^/?#]+$/, ['', '/edit']],
  ['/capacity', /^\/capacity\/(?!new$)[^/?#]+$/, ['']],
];

const BENCH_EMAIL = 'bench@example.com';
const BENCH_PASSWORD = 'bench-password';

export async function benchBundle() {
  heading('Client JavaScript per route (gzipped, as Chromium downloads it)');
  const external = process.env.BENCH_BUNDLE_URL;
  let base: string;
  let credentials: [string, string];
  if (external) {
    base = external.replace(/\/$/, '');
    credentials = [
      process.env.BENCH_BUNDLE_EMAIL ?? 'admin@demo.sre',
      process.env.BENCH_BUNDLE_PASSWORD ?? 'demo-admin',
    ];
  } else {
    const handle = await ensureDataset();
    await createToken(
      handle.db,
      { type: 'system', label: 'bench' },
      { name: `bundle-${Date.now()}`, scopes: ['read'] },
    );
    await handle.close();
    base = await benchServer();
    credentials = [BENCH_EMAIL, BENCH_PASSWORD];
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const context = await browser.newContext();
    const login = await context.newPage();
    await login.goto(`${base}/login`);
    await login.getByLabel('Email').fill(credentials[0]);
    await login.getByLabel('Password').fill(credentials[1]);
    await login.getByRole('button', { name: 'Sign in' }).click();
    await login.waitForURL(`${base}/`);
    const routes = [...ROUTES];
    // --quick: the list pages only (the detail pages are what the full run adds).
    for (const [list, pattern, subpages] of QUICK ? [] : FIRST_LINK) {
      await login.goto(base + list);
      const hrefs = await login.$$eval('a[href]', (as) => as.map((a) => a.getAttribute('href') ?? ''));
      const hit = hrefs.find((h) => pattern.test(h));
      if (hit) routes.push(...subpages.map((p) => hit + p));
      else console.log(`  (no ${list}/… page in this dataset)`);
    }
    await login.close();
    for (const route of routes) {
      const { first, deferred } = await measure(context, base + route);
      const label = route.length > 40 ? `${route.slice(0, 39)}…` : route;
      report(`${label} (first load)`, first, 'KB', { target: '≤ 250 KB', ok: first <= 250 });
      if (deferred > 0.5) report(`${label} (+ chunks loaded after the numbers)`, first + deferred, 'KB');
    }
  } finally {
    await browser.close();
  }
}

/** Gzipped KB of the scripts a first visit downloads: named in the HTML, and fetched later. */
async function measure(context: BrowserContext, url: string) {
  const page = await context.newPage();
  const sizes = new Map<string, number>();
  page.on('response', async (res) => {
    if (res.request().resourceType() !== 'script') return;
    try {
      sizes.set(res.url(), gzipSync(await res.body()).length);
    } catch {}
  });
  const doc = await page.goto(url, { waitUntil: 'networkidle' });
  // A page that redirected has no body to read: then every script counts as first load.
  const html = doc ? await doc.text().catch(() => null) : null;
  // On a busy machine hydration can outlast networkidle: wait for the deferred charts to arrive.
  await page
    .waitForFunction(
      () => document.readyState === 'complete' && !document.querySelector('[data-testid="chart-skeleton"]'),
      null,
      { timeout: 30_000 },
    )
    .catch(() => console.log(`  (${url}: a chart was still loading after 30 s)`));
  await page.waitForLoadState('networkidle');
  await page.close();
  let first = 0;
  let deferred = 0;
  for (const [src, bytes] of sizes) {
    if (html === null || html.includes(basename(new URL(src).pathname))) first += bytes;
    else deferred += bytes;
  }
  return { first: first / 1024, deferred: deferred / 1024 };
}
