// The Prometheus source measured against Prometheus's own increase() at the same instants:
// raw samples every 15 s from several series, counter resets (one inside the 5m window), a
// scrape gap, an error burst; history backfilled with promtool, the last minutes appended
// live through a scrape target so the end of the data moves between syncs; the data source
// behind a path prefix (--web.route-prefix=/prometheus).
import http from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DB } from '@/db/client';
import { getSyncState, syncSlo } from '@/db/interop/prometheus-sync';
import { getSloRow } from '@/db/slo/slos';
import { computeSloStatuses } from '@/db/slo/status';
import { LOOKBACKS } from '@/lib/slo/burn';
import { DEFAULT_POLICY } from '@/lib/slo/policy';
import { describeEachDriver } from '../helpers/db';
import { makeSlo } from '../helpers/fixtures';
import {
  freePort,
  hasPrometheus,
  instantQuery,
  type RunningPrometheus,
  startPrometheus,
} from '../helpers/prometheus';

const STEP = 15; // seconds between raw samples
const L1 = Math.floor(Date.now() / 60_000) * 60 - 60; // the end of the data (unix s): a minute ago
const LIVE = 10 * 60; // the last 10 minutes arrive live
const L0 = L1 - LIVE;
const START = L1 - 3 * 86_400 - 3 * 3600;
const K = (L1 - START) / STEP; // sample k is at START + k·STEP, k = 0…K
const K0 = (L0 - START) / STEP;
const B = 0.001; // 99.9 %

const PODS = ['a', 'b', 'c'] as const;
const RUNS = ['pglite', 'postgres'] as const;
const tOf = (k: number) => START + k * STEP;
const resetAt = { a: L1 - 86_400 - 45, b: L1 - 105, c: -1 }; // pod b restarts inside the 5m window
const inGap = (pod: string, t: number) => pod === 'c' && t >= L1 - 3 * 3600 - 600 && t < L1 - 3 * 3600;
const inOutage = (t: number) => t > L1 - 50 * 60;

/** Cumulative counter values of one series at every sample. */
function counter(pod: (typeof PODS)[number], code: '200' | '500'): number[] {
  const out: number[] = [];
  let v = 0;
  for (let k = 0; k <= K; k++) {
    const t = tOf(k);
    if (k > 0) {
      const p = PODS.indexOf(pod);
      const good = 40 + ((k * 7 + p * 13) % 11);
      const bad = inOutage(t) ? 5 + (k % 3) : k % 20 === p ? 1 : 0;
      v += code === '200' ? good : bad;
    }
    // Restarted: counts from zero again; a burst since the restart makes the reset matter.
    if (t === resetAt[pod]) v = code === '200' ? 3000 : 300;
    out.push(v);
  }
  return out;
}
const DATA = PODS.flatMap((pod) =>
  (['200', '500'] as const).map((code) => ({ pod, code, v: counter(pod, code) })),
);

let prom: RunningPrometheus | undefined;
let target: http.Server | undefined;
let instance = '';
/** The sample each run's scrape target currently exposes. */
const cursor: Record<string, number> = { pglite: K0, postgres: K0 };

const labels = (run: string, pod: string, code: string) =>
  `job="live",instance="${instance}",run="${run}",pod="${pod}",code="${code}"`;

function exposition(): string {
  const lines = ['# TYPE http_requests_total counter'];
  for (const run of RUNS) {
    const k = cursor[run];
    for (const s of DATA) {
      if (inGap(s.pod, tOf(k))) continue;
      lines.push(`http_requests_total{${labels(run, s.pod, s.code)}} ${s.v[k]} ${tOf(k) * 1000}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

beforeAll(async () => {
  if (!hasPrometheus) return;
  const port = await freePort();
  instance = `127.0.0.1:${port}`;
  target = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
    res.end(exposition());
  });
  await new Promise<void>((resolve) => target?.listen(port, '127.0.0.1', resolve));
  // History before L0 backfilled with promtool (OpenMetrics takes seconds).
  const lines = ['# TYPE http_requests counter'];
  for (const run of RUNS)
    for (const s of DATA)
      for (let k = 0; k < K0; k++)
        if (!inGap(s.pod, tOf(k)))
          lines.push(`http_requests_total{${labels(run, s.pod, s.code)}} ${s.v[k]} ${tOf(k)}`);
  prom = await startPrometheus(`${lines.join('\n')}\n# EOF\n`, {
    routePrefix: '/prometheus',
    scrapeTarget: instance,
  });
}, 180_000);
afterAll(async () => {
  await prom?.stop();
  await new Promise((r) => (target ? target.close(r) : r(null)));
});

/**
 * Moves the live end of `run`'s data to sample k and waits until Prometheus has stored it
 * (also when it is already exposed: right after start-up the first scrape may not have run).
 */
async function appendUntil(run: string, k: number) {
  const url = prom?.url ?? '';
  for (;;) {
    if (cursor[run] < k) cursor[run] += 1;
    const t = tOf(cursor[run]);
    const q = `min(timestamp(http_requests_total{run="${run}"}))`;
    for (let i = 0; (await instantQuery(url, q, t)) !== t; i++) {
      if (i > 300) throw new Error(`Prometheus did not scrape the sample at ${t}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    if (cursor[run] >= k) return;
  }
}

describeEachDriver('Prometheus source, exact against increase()', (ctx, driver) => {
  const run = driver;
  const sel = (extra = '') => `http_requests_total{run="${run}"${extra}}`;
  const ds = () => ({ url: prom?.url ?? '', timeoutSeconds: 10 });

  async function slo(db: DB, goodOrBad: Record<string, string>) {
    const made = await makeSlo(db, { sourceType: 'prometheus', windowDays: 7, ...goodOrBad });
    const row = await getSloRow(db, made.slug);
    if (!row) throw new Error('SLO not found');
    return row;
  }

  /** Every displayed window and the SLO window, portal vs sum(increase(…)) at instant T. */
  async function expectSameNumbers(
    db: DB,
    row: NonNullable<Awaited<ReturnType<typeof getSloRow>>>,
    T: number,
  ) {
    const [view] = await computeSloStatuses(db, [row], DEFAULT_POLICY, new Date());
    expect(view.range.end.getTime()).toBe(T * 1000); // evaluated where the synced data ends
    const url = prom?.url ?? '';
    const near = (portal: number | null, prometheus: number | null, what: string) => {
      expect(prometheus, what).not.toBeNull();
      expect(
        Math.abs((portal ?? 0) / (prometheus as number) - 1),
        `${what}: ${portal} vs ${prometheus}`,
      ).toBeLessThan(0.005);
    };
    for (const lb of [...LOOKBACKS, '7d'] as const) {
      const total = await instantQuery(url, `sum(increase(${sel()}[${lb}]))`, T);
      const bad = await instantQuery(url, `sum(increase(${sel(',code="500"')}[${lb}]))`, T);
      if (lb === '7d') {
        near(view.aggregate.total, total, 'events in the window');
        near(view.aggregate.total - view.aggregate.good, bad, 'bad events in the window');
      } else {
        near(view.eventsByLookback[lb], total, `events over ${lb}`);
        near(view.burnRates[lb], (bad ?? 0) / (total ?? 1) / B, `burn rate over ${lb}`);
      }
    }
    return view;
  }

  it.skipIf(!hasPrometheus)(
    'equals sum(increase()) for every window, across resets, a gap and an outage, as the data moves',
    async () => {
      const { db } = ctx();
      const good = await slo(db, { goodQuery: sel(',code="200"'), totalQuery: sel() });
      // Pasted the way people write them: Sloth's template and a grouped increase().
      const bad = await slo(db, {
        badQuery: `sum(rate(${sel(',code="500"')}[{{.window}}]))`,
        totalQuery: `sum by (pod) (increase(${sel()}[1h]))`,
      });
      expect(bad.sourceConfig).toEqual({ badQuery: sel(',code="500"'), totalQuery: sel() });

      // Backfill: the data ends at L0.
      await appendUntil(run, K0);
      for (const row of [good, bad])
        expect((await syncSlo(db, row, ds(), new Date(L0 * 1000))).error).toBeUndefined();
      await expectSameNumbers(db, good, L0);

      // Live: sync in the middle of minutes while the end of the data moves.
      for (const k of [K0 + 5, K0 + 17, K0 + 30, K]) {
        await appendUntil(run, k);
        for (const row of [good, bad]) {
          const r = await syncSlo(db, row, ds(), new Date(tOf(k) * 1000 + 7_000));
          expect(r.error).toBeUndefined();
          expect((await getSyncState(db, row.id))?.syncedUntil?.getTime()).toBe(
            Math.floor(tOf(k) / 60) * 60_000,
          );
        }
      }
      // The clock has moved on since L1; the numbers stay at the last synced minute.
      for (const row of [good, bad]) expect((await syncSlo(db, row, ds(), new Date())).error).toBeUndefined();
      const view = await expectSameNumbers(db, good, L1);
      await expectSameNumbers(db, bad, L1);
      expect(view.burnRates['5m']).toBeGreaterThan(50);

      // Both resets are reported once each, and stay reported after a sync that finds none.
      await syncSlo(db, good, ds(), new Date());
      const warning = (await getSyncState(db, good.id))?.lastWarning ?? '';
      for (const pod of ['a', 'b'])
        expect(
          warning.match(new RegExp(`reset of http_requests_total\\{[^}]*pod="${pod}"`, 'g'))?.length,
        ).toBe(2);
      expect(warning).not.toMatch(/pod="c"/);
    },
    240_000,
  );

  it.skipIf(!hasPrometheus)('says where a data source without its path prefix answers 404', async () => {
    const { db } = ctx();
    const row = await slo(db, { goodQuery: sel(',code="200"'), totalQuery: sel() });
    const root = new URL(prom?.url ?? 'http://x').origin;
    const r = await syncSlo(db, row, { url: root, timeoutSeconds: 5 }, new Date(L0 * 1000));
    expect(r.error).toMatch(/HTTP 404.*path prefix/);
  });
});
