// The Prometheus source and the generated rules against a real Prometheus and promtool.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { DB } from '@/db/client';
import { rulesForSlo } from '@/db/interop/prometheus-rules';
import { getSyncState, syncSlo } from '@/db/interop/prometheus-sync';
import { getSloRow } from '@/db/slo/slos';
import { computeSloStatuses } from '@/db/slo/status';
import { rulesYaml, sloRuleGroup } from '@/lib/prometheus/rules';
import type { BudgetingMethod } from '@/lib/slo/definition';
import { DEFAULT_POLICY } from '@/lib/slo/policy';
import { windowOf } from '@/lib/validation/slo';
import { describeEachDriver } from '../helpers/db';
import { makeSlo } from '../helpers/fixtures';
import {
  hasPrometheus,
  instantQuery,
  openMetrics,
  type RunningPrometheus,
  runPromtool,
  startPrometheus,
} from '../helpers/prometheus';

const N = 2880; // two days of minutes
const OUTAGE = 50; // the last 50 minutes: 10% errors = 100× a 99.9% budget
const END = Math.floor(Date.now() / 3_600_000) * 3600 - 3600; // unix seconds, an hour boundary in the past
const START = END - (N - 1) * 60;

function cumulative(inc: (i: number) => number): number[] {
  const out = [0];
  for (let i = 0; i < N - 1; i++) out.push(out[i] + inc(i));
  return out;
}
const inOutage = (i: number) => i >= N - 1 - OUTAGE;
const good = cumulative((i) => (inOutage(i) ? 540 : 600));
const bad = cumulative((i) => (inOutage(i) ? 60 : 0));
// A second counter that restarts (a pod restart) one day in.
const resetting = cumulative(() => 100).map((v, i) => (i >= 1440 ? v - 100 * 1440 : v));

const GOOD = 'demo_requests_total{code="200"}';
const TOTAL = 'demo_requests_total';

let prom: RunningPrometheus | undefined;

/** A Prometheus-sourced SLO over these selectors, as the sync reads it. */
async function prometheusSlo(db: DB, goodQuery: string, totalQuery: string, windowDays: number) {
  const slo = await makeSlo(db, { sourceType: 'prometheus', goodQuery, totalQuery, windowDays });
  const row = await getSloRow(db, slo.slug);
  if (!row) throw new Error(`SLO ${slo.slug} not found`);
  return row;
}

beforeAll(async () => {
  if (!hasPrometheus) return;
  prom = await startPrometheus(
    openMetrics(
      'demo_requests',
      [
        { labels: 'code="200"', values: good },
        { labels: 'code="500"', values: bad },
      ],
      START,
    ).replace('# EOF\n', '') + openMetrics('restarts', [{ labels: 'pod="a"', values: resetting }], START),
  );
}, 120_000);
afterAll(async () => prom?.stop());

describeEachDriver('Prometheus source', (ctx) => {
  const now = new Date(END * 1000);
  const ds = () => ({ url: prom?.url ?? '', timeoutSeconds: 10 });

  it.skipIf(!hasPrometheus)(
    'backfills the window and the budget equals what Prometheus computes with increase()',
    async () => {
      const { db } = ctx();
      const row = await prometheusSlo(db, GOOD, TOTAL, 7);
      const result = await syncSlo(db, row, ds(), now);
      expect(result.error).toBeUndefined();
      expect(result.appended).toBe(N - 1);
      const [view] = await computeSloStatuses(db, [row], DEFAULT_POLICY, now);
      const promGood = await instantQuery(prom?.url ?? '', `sum(increase(${GOOD}[7d]))`, END);
      const promTotal = await instantQuery(prom?.url ?? '', `sum(increase(${TOTAL}[7d]))`, END);
      // Ground truth: the counters' own differences.
      expect(view.aggregate.good).toBe(good[N - 1]);
      expect(view.aggregate.total).toBe(good[N - 1] + bad[N - 1]);
      // Prometheus extrapolates at the window edges: equal within rounding.
      expect(view.aggregate.good / (promGood ?? 1)).toBeCloseTo(1, 3);
      expect(view.aggregate.total / (promTotal ?? 1)).toBeCloseTo(1, 3);
      const promRemaining = 1 - (1 - (promGood ?? 0) / (promTotal ?? 1)) / 0.001;
      expect(view.budget.remaining).toBeCloseTo(promRemaining, 2);
      expect(view.firing.map((a) => a.tier)).toEqual([1, 2, 3, 4]);

      // Resumes where it stopped: a second sync appends nothing new and keeps the numbers.
      const again = await syncSlo(db, row, ds(), now);
      expect(again).toEqual({ appended: 0 });
      const state = await getSyncState(db, row.id);
      expect(state?.syncedUntil?.getTime()).toBe(END * 1000);
      expect(state?.lastError).toBeNull();
    },
  );

  it.skipIf(!hasPrometheus)('handles a counter reset like increase() and says so', async () => {
    const { db } = ctx();
    const row = await prometheusSlo(db, 'restarts_total{pod="a"}', 'restarts_total', 7);
    expect((await syncSlo(db, row, ds(), now)).error).toBeUndefined();
    const [view] = await computeSloStatuses(db, [row], DEFAULT_POLICY, now);
    // The counter drops to 0 at the restart: that minute counts 0, every other minute 100.
    expect(view.aggregate.total).toBe(100 * (N - 2));
    expect((await getSyncState(db, row.id))?.lastWarning).toMatch(
      /counter reset of restarts_total\{pod="a"\}/,
    );
  });

  it.skipIf(!hasPrometheus)(
    'records a clear error and keeps stored data: unreachable, failing query, mixed metrics',
    async () => {
      const { db } = ctx();
      const row = await prometheusSlo(db, GOOD, TOTAL, 7);
      await syncSlo(db, row, ds(), new Date((END - 3600) * 1000));
      const before = (await computeSloStatuses(db, [row], DEFAULT_POLICY, now))[0].aggregate;

      const down = await syncSlo(db, row, { url: 'http://127.0.0.1:9', timeoutSeconds: 2 }, now);
      expect(down.error).toMatch(/unreachable/);
      const state = await getSyncState(db, row.id);
      expect(state?.lastError).toMatch(/unreachable/);
      expect(state?.failures).toBe(1);
      expect(state?.nextAttemptAt?.getTime()).toBeGreaterThan(now.getTime());

      const broken = {
        ...row,
        sourceConfig: { goodQuery: 'demo_requests_total{code=~"("}', totalQuery: TOTAL },
      };
      expect((await syncSlo(db, broken, ds(), now)).error).toMatch(/Prometheus rejected the query/);
      const mixed = {
        ...row,
        sourceConfig: { goodQuery: GOOD, totalQuery: '{__name__=~"demo_requests_total|restarts_total"}' },
      };
      expect((await syncSlo(db, mixed, ds(), now)).error).toMatch(/different metrics/);
      expect((await getSyncState(db, row.id))?.failures).toBe(3);

      const after = (await computeSloStatuses(db, [row], DEFAULT_POLICY, now))[0].aggregate;
      expect(after).toEqual(before);
    },
  );

  it.skipIf(!hasPrometheus)(
    'generates rules that promtool accepts and that fire where the portal says',
    async () => {
      const { db } = ctx();
      const kinds: Record<string, unknown>[] = [
        { budgetingMethod: 'occurrences', windowDays: 30 },
        { budgetingMethod: 'timeslices', timesliceTarget: '0.95', windowDays: 28 },
        { budgetingMethod: 'ratio-timeslices', windowDays: 7 },
        { windowType: 'calendar', calendarUnit: 'month', timezone: 'Europe/Berlin' },
        { sliKind: 'latency', latencyThresholdMs: '300', windowType: 'calendar', calendarUnit: 'quarter' },
      ];
      const dir = prom?.dir ?? '';
      for (const [i, k] of kinds.entries()) {
        const slo = await makeSlo(db, { sourceType: 'prometheus', goodQuery: GOOD, totalQuery: TOTAL, ...k });
        const file = path.join(dir, `rules-${i}.yml`);
        fs.writeFileSync(file, await rulesForSlo(db, slo.slug, 'https://sre.example.com'));
        const check = runPromtool(['check', 'rules', file], dir);
        expect(check.status, check.stdout + check.stderr).toBe(0);
      }

      // Rule evaluation over the same history: page alerts fire exactly when the portal's alert table says.
      const row = await prometheusSlo(db, GOOD, TOTAL, 30);
      await syncSlo(db, row, ds(), now);
      const rule = {
        slug: row.slug,
        name: row.name,
        serviceSlug: row.serviceSlug,
        target: row.target,
        window: windowOf(row),
        budgetingMethod: row.budgetingMethod as BudgetingMethod,
        timesliceTarget: row.timesliceTarget,
        goodQuery: GOOD,
        totalQuery: TOTAL,
        runbookUrl: null,
        portalUrl: 'https://sre.example.com/slos/x',
      };
      fs.writeFileSync(path.join(dir, 'eval-rules.yml'), rulesYaml([rule], now));
      const group = sloRuleGroup(rule, now);
      const expected = async (at: Date, name: string) => {
        const [view] = await computeSloStatuses(db, [row], DEFAULT_POLICY, at);
        const firingTiers = new Set<number>(view.firing.map((a) => a.tier));
        return group.rules
          .filter(
            (r): r is Extract<(typeof group.rules)[number], { alert: string }> =>
              'alert' in r && r.alert === name && firingTiers.has(Number(r.labels.tier)),
          )
          .map((r) => ({ exp_labels: r.labels, exp_annotations: r.annotations }));
      };
      const minute = (i: number) => new Date((START + i * 60) * 1000);
      const evalAt = [N - 1, N - 1 - 12 * 60];
      const tests = {
        rule_files: ['eval-rules.yml'],
        evaluation_interval: '1m',
        tests: [
          {
            interval: '1m',
            input_series: [
              { series: GOOD, values: `0+600x${N - 52} ${600 * (N - 51)}+540x50` },
              { series: 'demo_requests_total{code="500"}', values: `0+0x${N - 52} 0+60x50` },
            ],
            alert_rule_test: await Promise.all(
              evalAt.flatMap((i) =>
                ['SLOErrorBudgetBurnPage', 'SLOErrorBudgetBurnTicket'].map(async (alertname) => ({
                  eval_time: `${i}m`,
                  alertname,
                  exp_alerts: await expected(minute(i), alertname),
                })),
              ),
            ),
          },
        ],
      };
      const pageNow = tests.tests[0].alert_rule_test.find(
        (t) => t.eval_time === `${N - 1}m` && t.alertname === 'SLOErrorBudgetBurnPage',
      );
      expect(pageNow?.exp_alerts.length).toBe(2); // the portal says tiers 1 and 2 page now…
      expect(
        tests.tests[0].alert_rule_test.find((t) => t.eval_time !== `${N - 1}m` && t.exp_alerts.length > 0),
      ).toBeUndefined(); // …and nothing 12 h earlier
      fs.writeFileSync(path.join(dir, 'eval-test.yml'), stringify(tests, { lineWidth: 0 }));
      const run = runPromtool(['test', 'rules', 'eval-test.yml'], dir);
      expect(run.status, run.stdout + run.stderr).toBe(0);
    },
    240_000,
  );
});

describe('Prometheus availability', () => {
  it('is installed (required under CI)', () => {
    if (process.env.CI === 'true') expect(hasPrometheus).toBe(true);
  });
});
