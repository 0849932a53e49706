// Fault test (issue 9, SPEC 7): a throwaway PostgreSQL cluster owned by this test is
// stopped and restarted while samples are pushed and pages read. While it is down every
// request answers 503 within 2 s; the portal recovers without a restart; every sample it
// acknowledged is stored.
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

/** SPEC 7: 503 within 2 s. The slack covers the request's own trip on a shared 2-core runner. */
const DOWN_BUDGET_MS = 2_000 + 500;

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

    // Load while the database goes away and comes back.
    let running = true;
    const loops = [
      (async () => {
        while (running) await push();
      })(),
      (async () => {
        while (running) await read();
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
    let recovered = false;
    for (let i = 0; i < 120 && !recovered; i++) {
      await new Promise((r) => setTimeout(r, 250));
      recovered = results.some((r) => r.kind === 'push' && r.status === 200 && r.startedAt > downUntil);
    }
    running = false;
    await Promise.all(loops);
    expect(recovered, 'pushes succeed again after the restart').toBe(true);
    expect(p.process.exitCode).toBeNull();
    expect(p.process.pid).toBe(pid);
    const pageAfter = await page.goto('/slos');
    expect(pageAfter?.status()).toBe(200);

    // While down: every request started answered 503, none took longer than the budget.
    const whileDown = results.filter((r) => r.startedAt >= downFrom + 100 && r.startedAt + r.ms <= downUntil);
    expect(whileDown.length).toBeGreaterThan(5);
    for (const r of whileDown) {
      expect(r.status, `${r.kind} while down`).toBe(503);
      expect(r.ms, `${r.kind} while down took ${r.ms} ms`).toBeLessThanOrEqual(DOWN_BUDGET_MS);
    }
    expect(pageStatuses.every((s) => s === 503)).toBe(true);

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
  }
});
