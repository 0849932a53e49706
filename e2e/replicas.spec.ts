// Two replicas (issue 9, SPEC 7): two portal processes on one PostgreSQL. A session made
// on one works on the other, an edit on one is seen on the other, and the background
// loop's work (Prometheus sync, snapshot refresh) runs on one replica only.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
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

test.skip(!canRunCluster, 'needs PostgreSQL binaries and root (runuser -u postgres)');

/** A stand-in Prometheus that records every range query it is asked (empty answers). */
async function fakePrometheus() {
  const calls: string[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    // The sync reads raw samples with instant range queries (/api/v1/query) and may use query_range.
    if (url.pathname === '/api/v1/query_range' || url.pathname === '/api/v1/query')
      calls.push(
        `${url.pathname}|${url.searchParams.get('query')}|${url.searchParams.get('start') ?? url.searchParams.get('time')}|${url.searchParams.get('end')}`,
      );
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ status: 'success', data: { resultType: 'matrix', result: [] } }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

const PROM_SLO = `apiVersion: openslo/v1
kind: SLO
metadata:
  name: replica-prom
spec:
  service: replica-svc
  indicator:
    spec:
      ratioMetric:
        good:
          metricSource:
            type: Prometheus
            spec:
              query: http_requests_total{code!~"5.."}
        total:
          metricSource:
            type: Prometheus
            spec:
              query: http_requests_total
  timeWindow:
    - duration: 7d
      isRolling: true
  budgetingMethod: Occurrences
  objectives:
    - target: 0.99
`;

test('two replicas on one PostgreSQL share sessions and edits; the background loop runs once', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  let cluster: Cluster | undefined;
  const portals: Portal[] = [];
  const prom = await fakePrometheus();
  try {
    cluster = await startCluster();
    migrate(cluster.url());
    const token = mintToken(cluster.url(), ['sli:write', 'read']);
    // The Prometheus SLO exists before the replicas start, so both loops find work on their first tick.
    const [a, b] = await Promise.all([
      startPortal(cluster.url(), { PROMETHEUS_URL: prom.url }),
      startPortal(cluster.url(), { PROMETHEUS_URL: prom.url }),
    ]);
    portals.push(a, b);
    await createPushSlo(a, token, 'replica-svc-slo');
    const imported = await fetch(`${a.url}/api/v1/openslo`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/yaml' },
      body: PROM_SLO,
    });
    expect(imported.status, await imported.text()).toBe(200);

    // A session made on A works on B (same browser: cookies are per host, not per port).
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${a.url}/login`);
    await new LoginPage(page).signIn(ADMIN.email, ADMIN.password);
    // Two cold servers on a shared runner: the first sign-in can take a while.
    await expect(page.getByRole('button', { name: 'User menu' })).toBeVisible({ timeout: 45_000 });
    await page.goto(`${b.url}/slos`);
    await expect(page).toHaveURL(`${b.url}/slos`);
    await expect(page.getByRole('button', { name: 'User menu' })).toBeVisible({ timeout: 45_000 });

    // An edit on A is seen on B: samples pushed to A show in B's numbers.
    const ts = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 5 * 60_000).toISOString();
    const pushed = await fetch(`${a.url}/api/v1/slos/replica-svc-slo/samples`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ samples: [{ ts, good: 50, total: 100 }] }),
    });
    expect(pushed.status).toBe(200);
    const seen = await fetch(`${b.url}/api/v1/slos/replica-svc-slo`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(seen.status).toBe(200);
    expect(JSON.stringify(await seen.json())).toMatch(/"attainment":0\.5\b/);

    // The background loop: exactly one replica holds the leader lock, and no range query is asked twice.
    const sql = postgres(cluster.url(), { max: 1, onnotice: () => {} });
    try {
      const holders = async () =>
        Number(
          (
            await sql`select count(*)::int as n from pg_locks where locktype = 'advisory' and granted
              and ((classid::bigint << 32) | objid::bigint) = 7355608001`
          )[0].n,
        );
      await expect.poll(holders, { timeout: 60_000 }).toBe(1);
      await expect.poll(() => prom.calls.length, { timeout: 60_000 }).toBeGreaterThan(0);
      // Both replicas have ticked at least once by now (first tick 5 s after start).
      const dupes = prom.calls.filter((c, i) => prom.calls.indexOf(c) !== i);
      expect(dupes).toEqual([]);
      expect(await holders()).toBe(1);
    } finally {
      await sql.end();
    }
  } finally {
    for (const p of portals) await p.stop();
    cluster?.destroy();
    await prom.close();
  }
});
