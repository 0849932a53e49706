// Fault test (issue 9, SPEC 7): a throwaway PostgreSQL cluster owned by this test is
// stopped twice. First with the portal idle, so that a signed-in page is the request that
// discovers the outage: it must answer the 503 page, not an error page. Then while samples
// are pushed and pages read. While it is down every request answers 503 within 2 s; the
// portal recovers without a restart; every sample it acknowledged is stored.
import { expect, test } from '@playwright/test';
import postgres from 'postgres';
import {
  ADMIN,
  type Cluster,
  canRunCluster,
  createPushSlo,
  migrate,
  mintToken,
  type Portal,
  startCluster,
  startPortal,
} from './helpers/cluster';
import { LoginPage } from './pages/session';

/** SPEC 7: 503 within 2 s, measured from the test (the request's own trip included). */
const DOWN_BUDGET_MS = 2_000;
/** The words of the 503 page, and of the error boundaries a 503 must never be. */
const UNAVAILABLE_TEXT = "The portal's database is unavailable";
const ERROR_PAGE = /This page failed to load|Application error|Internal Server Error/;

test.describe.configure({ mode: 'serial' });
test.skip(!canRunCluster, 'needs PostgreSQL binaries and root (runuser -u postgres)');

test('PostgreSQL restarted under load: 503 within 2 s while down, recovery without restart, no acknowledged sample lost', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  let cluster: Cluster | undefined;
  let portal: Portal | undefined;
  try {
    cluster = await startCluster();
    migrate(cluster.url());
    const token = mintToken(cluster.url(), ['sli:write', 'read']);
    portal = await startPortal(cluster.url());
    const p = portal;
    await createPushSlo(p, token, 'fault-slo');

    const context = await browser.newContext({ baseURL: p.url });
    const page = await context.newPage();
    await new LoginPage(page).goto();
    await new LoginPage(page).signIn(ADMIN.email, ADMIN.password);
    await expect(page.getByRole('button', { name: 'User menu' })).toBeVisible();

    const base = Math.floor(Date.now() / 60_000) * 60_000 - 900 * 60_000;
    let next = 0;
    const acked: string[] = [];
    type Result = { kind: string; status: number; ms: number; startedAt: number };
    const results: Result[] = [];
    const timed = async (kind: string, run: () => Promise<number>) => {
      const startedAt = Date.now();
      const status = await run().catch(() => 0);
      results.push({ kind, status, ms: Date.now() - startedAt, startedAt });
      return status;
    };
    const push = () =>
      timed('push', async () => {
        const ts = new Date(base + next++ * 60_000).toISOString();
        const res = await fetch(`${p.url}/api/v1/slos/fault-slo/samples`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ samples: [{ ts, good: 99, total: 100 }] }),
          signal: AbortSignal.timeout(20_000),
        });
        if (res.status === 200) acked.push(ts);
        return res.status;
      });
    const read = () =>
      timed('api', async () => {
        const res = await fetch(`${p.url}/api/v1/slos`, {
          headers: { authorization: `Bearer ${token}` },
          signal: AbortSignal.timeout(20_000),
        });
        await res.arrayBuffer();
        return res.status;
      });

    for (let i = 0; i < 5; i++) expect(await push()).toBe(200);

    // 1. The portal idle (no request in flight, the browser on a blank page): the first
    // request after the stop is a signed-in page, which discovers the outage while rendering.
    await page.goto('about:blank');
    const logFrom = p.log().length;
    cluster.stop();
    const firstStarted = Date.now();
    const first = await page.goto('/slos', { timeout: 20_000 });
    const firstMs = Date.now() - firstStarted;
    expect(first?.status(), 'the first page request after the stop').toBe(503);
    expect(firstMs, `the first page request took ${firstMs} ms`).toBeLessThanOrEqual(DOWN_BUDGET_MS);
    await expect(page.getByRole('heading', { name: UNAVAILABLE_TEXT })).toBeVisible();
    await expect(page.locator('body')).not.toContainText(ERROR_PAGE);
    expect(first?.headers()['retry-after']).toBe('2');
    // It went through the page's render (the sign-in check met the dead database), not the circuit.
    expect(p.log().slice(logFrom)).toContain('database unavailable');
    // The next ones answer from the circuit: the page again, and JSON for the API.
    const again = await page.goto('/slos', { timeout: 20_000 });
    expect(again?.status()).toBe(503);
    await expect(page.getByRole('heading', { name: UNAVAILABLE_TEXT })).toBeVisible();
    expect(await push()).toBe(503);
    expect(await read()).toBe(503);
    const quietDown = results.filter((r) => r.startedAt >= firstStarted);
    for (const r of quietDown) expect(r.ms, `${r.kind} took ${r.ms} ms`).toBeLessThanOrEqual(DOWN_BUDGET_MS);
    const restartedAt = Date.now();
    cluster.start();
    const startedUp = Date.now();
    let backAfter = -1;
    for (let i = 0; i < 120 && backAfter < 0; i++) {
      if ((await push()) === 200) backAfter = Date.now() - startedUp;
      else await new Promise((r) => setTimeout(r, 100));
    }
    expect(backAfter, 'pushes succeed again after the first restart').toBeGreaterThanOrEqual(0);
    const quietPage = await page.goto('/slos');
    expect(quietPage?.status()).toBe(200);
    results.length = 0;

    // 2. Under load: the database goes away and comes back while samples are pushed and read.
    // Two clients, each sending its next request 20 ms after the last answer (dozens a second
    // while the 503s are instant): load, without the test itself saturating the 2-core runner.
    let running = true;
    const pause = () => new Promise((r) => setTimeout(r, 20));
    const loops = [
      (async () => {
        while (running) await push().then(pause);
      })(),
      (async () => {
        while (running) await read().then(pause);
      })(),
    ];
    await new Promise((r) => setTimeout(r, 500));
    const pid = p.process.pid;
    cluster.stop();
    const downFrom = Date.now();
    // The portal notices through the pushes; then pages answer from the circuit at once.
    await expect
      .poll(() => results.some((r) => r.kind === 'push' && r.status === 503 && r.startedAt >= downFrom), {
        timeout: 10_000,
      })
      .toBe(true);
    // Pages while down: an honest 503 page, not a 500 or a hang.
    const pageStatuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const started = Date.now();
      const res = await page.goto('/slos', { timeout: 20_000 }).catch(() => null);
      results.push({
        kind: 'page',
        status: res?.status() ?? 0,
        ms: Date.now() - started,
        startedAt: started,
      });
      pageStatuses.push(res?.status() ?? 0);
    }
    await new Promise((r) => setTimeout(r, 3_000));
    const downUntil = Date.now();
    cluster.start();

    // Recovery by itself: the same process answers 200 again.
    const loadStartedUp = Date.now();
    let recovered = false;
    for (let i = 0; i < 120 && !recovered; i++) {
      await new Promise((r) => setTimeout(r, 250));
      recovered = results.some((r) => r.kind === 'push' && r.status === 200 && r.startedAt > downUntil);
    }
    const recoveredAfter = Math.min(
      ...results
        .filter((r) => r.kind === 'push' && r.status === 200 && r.startedAt > downUntil)
        .map((r) => r.startedAt + r.ms - loadStartedUp),
    );
    running = false;
    await Promise.all(loops);
    expect(recovered, 'pushes succeed again after the restart').toBe(true);
    expect(p.process.exitCode).toBeNull();
    expect(p.process.pid).toBe(pid);
    const pageAfter = await page.goto('/slos');
    expect(pageAfter?.status()).toBe(200);

    // While down: every request started answered 503, none took longer than the budget.
    const whileDown = results.filter((r) => r.startedAt >= downFrom && r.startedAt + r.ms <= downUntil);
    expect(whileDown.length).toBeGreaterThan(5);
    for (const r of whileDown) {
      expect(r.status, `${r.kind} while down`).toBe(503);
      expect(r.ms, `${r.kind} while down took ${r.ms} ms`).toBeLessThanOrEqual(DOWN_BUDGET_MS);
    }
    expect(pageStatuses.every((s) => s === 503)).toBe(true);
    console.log(
      `fault: first page ${firstMs} ms (503); quiet restart: back ${backAfter} ms after pg_ctl start ` +
        `(${startedUp - restartedAt} ms); under load: ${whileDown.length} requests while down, ` +
        `slowest ${Math.max(...whileDown.map((r) => r.ms))} ms; back ${recoveredAfter} ms after pg_ctl start`,
    );

    // Nothing acknowledged is lost.
    const sql = postgres(cluster.url(), { max: 1, onnotice: () => {} });
    try {
      const rows = await sql<{ minute: Date }[]>`
        select s.minute from sli_samples s join slos o on o.id = s.slo_id where o.slug = 'fault-slo'`;
      const stored = new Set(rows.map((r) => r.minute.toISOString()));
      const lost = acked.filter((ts) => !stored.has(ts));
      expect(acked.length).toBeGreaterThan(5);
      expect(lost).toEqual([]);
    } finally {
      await sql.end();
    }
  } finally {
    await portal?.stop();
    cluster?.destroy();
    if (portal) await test.info().attach('portal.log', { body: portal.log(), contentType: 'text/plain' });
  }
});
