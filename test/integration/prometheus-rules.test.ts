// The generated rules, evaluated by Prometheus itself (`promtool test rules`), fire and resolve
// where the portal's alert table says, over the same counters: a rolling 30-day SLO, a rolling
// 7-day one (bad/total counters), a calendar month and one with a minimum-events guard.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { DB } from '@/db/client';
import { ingestSamples } from '@/db/slo/samples';
import { getSloRow } from '@/db/slo/slos';
import { computeSloStatuses } from '@/db/slo/status';
import { type AlertingRule, type RuleSlo, rulesYaml, sloRuleGroup } from '@/lib/prometheus/rules';
import type { BudgetingMethod } from '@/lib/slo/definition';
import { DEFAULT_POLICY } from '@/lib/slo/policy';
import type { SampleInput } from '@/lib/slo/samples';
import { windowOf } from '@/lib/validation/slo';
import { describeEachDriver } from '../helpers/db';
import { makeSlo } from '../helpers/fixtures';
import { hasPrometheus, runPromtool } from '../helpers/prometheus';

const N = 2880; // samples, one a minute: sample i is at i minutes in promtool's time
const REAL0 = Date.UTC(2026, 9, 5); // …and at REAL0 + i minutes for the portal (October: 31 days)
const MIN = 60_000;
const OUTAGE = [N - 300, N - 250]; // 10 % errors for 50 minutes
const inOutage = (i: number) => i >= OUTAGE[0] && i < OUTAGE[1];

/** Cumulative counter values (one per sample) from per-minute increments. */
function cumulative(inc: (i: number) => number): number[] {
  const out = [0];
  for (let i = 0; i < N - 1; i++) out.push(out[i] + inc(i));
  return out;
}
const series = {
  'http_requests_total{code="200"}': cumulative((i) => (inOutage(i) ? 900 : 1000)),
  'http_requests_total{code="500"}': cumulative((i) => (inOutage(i) ? 100 : 0)),
  'low_requests_total{code="200"}': cumulative((i) => (inOutage(i) ? 18 : 20)),
  'low_requests_total{code="500"}': cumulative((i) => (inOutage(i) ? 2 : 0)),
};
/** The portal's minute i holds what the counters gained between samples i and i + 1. */
function minutes(goodSeries: keyof typeof series, badSeries: keyof typeof series): SampleInput[] {
  const g = series[goodSeries];
  const b = series[badSeries];
  return Array.from({ length: N - 1 }, (_, i) => ({
    minute: REAL0 + i * MIN,
    good: g[i + 1] - g[i],
    total: g[i + 1] - g[i] + b[i + 1] - b[i],
  }));
}

/** Evaluation times (promtool minutes): firing, tier 1 resolved, tier 2 resolved, the end, 12 h before. */
const EVAL = [OUTAGE[1] - 5, OUTAGE[1] + 10, OUTAGE[1] + 50, N - 1, N - 1 - 12 * 60];

describeEachDriver('Generated rules vs the portal alert table', (ctx) => {
  it.skipIf(!hasPrometheus)(
    'fire and resolve in Prometheus where the portal says, for every window kind',
    async () => {
      const { db } = ctx();
      const kinds: { slo: Record<string, unknown>; family: string; bad?: boolean }[] = [
        { slo: { windowDays: 30 }, family: 'http_requests_total' },
        { slo: { windowDays: 7 }, family: 'http_requests_total', bad: true },
        {
          slo: { windowType: 'calendar', calendarUnit: 'month', timezone: 'Europe/Berlin' },
          family: 'http_requests_total',
        },
        { slo: { windowDays: 30, alertMinEvents: 5000 }, family: 'low_requests_total' },
      ];
      const at = new Date(REAL0);
      const made: { row: NonNullable<Awaited<ReturnType<typeof getSloRow>>>; rule: RuleSlo }[] = [];
      for (const k of kinds) {
        const slo = await makeSlo(db as DB, k.slo);
        const row = await getSloRow(db, slo.slug);
        if (!row) throw new Error('SLO not found');
        const good = `${k.family}{code="200"}` as keyof typeof series;
        const bad = `${k.family}{code="500"}` as keyof typeof series;
        await db.transaction((tx) => ingestSamples(tx, row.id, minutes(good, bad)));
        made.push({
          row,
          rule: {
            slug: row.slug,
            name: row.name,
            serviceSlug: row.serviceSlug,
            target: row.target,
            window: windowOf(row),
            budgetingMethod: row.budgetingMethod as BudgetingMethod,
            timesliceTarget: row.timesliceTarget,
            goodQuery: k.bad ? '' : good,
            badQuery: k.bad ? bad : null,
            totalQuery: k.family,
            alertMinEvents: row.alertMinEvents,
            runbookUrl: null,
            portalUrl: `https://sre.example.com/slos/${row.slug}`,
          },
        });
      }
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sre-rules-'));
      fs.writeFileSync(
        path.join(dir, 'rules.yml'),
        rulesYaml(
          made.map((m) => m.rule),
          at,
        ),
      );
      const check = runPromtool(['check', 'rules', 'rules.yml'], dir);
      expect(check.status, check.stdout + check.stderr).toBe(0);

      // What the portal's alert table says at each instant (Prometheus at t sees the samples up to
      // t; the portal's window then ends at minute t, i.e. it is evaluated at minute t − 1).
      const firing = new Map<string, Set<number>>();
      for (const t of EVAL) {
        const views = await computeSloStatuses(
          db,
          made.map((m) => m.row),
          DEFAULT_POLICY,
          new Date(REAL0 + (t - 1) * MIN),
        );
        for (const v of views) firing.set(`${v.slo.slug}@${t}`, new Set(v.firing.map((a) => a.tier)));
      }
      const expected = (t: number, alertname: string) =>
        made.flatMap(({ rule }) =>
          sloRuleGroup(rule, at)
            .rules.filter(
              (r): r is AlertingRule =>
                'alert' in r &&
                r.alert === alertname &&
                (firing.get(`${rule.slug}@${t}`)?.has(Number(r.labels.tier)) ?? false),
            )
            .map((r) => ({ exp_labels: r.labels, exp_annotations: r.annotations })),
        );
      const tiersAt = (i: number, t: number) => [...(firing.get(`${made[i].rule.slug}@${t}`) ?? [])].sort();
      // The scenario covers firing, resolving, and the minimum-events guard.
      expect(tiersAt(0, EVAL[0])).toEqual([1, 2, 3, 4]);
      expect(tiersAt(0, EVAL[1])).toEqual([2, 3, 4]);
      expect(tiersAt(0, EVAL[2])).toEqual([3, 4]);
      expect(tiersAt(0, EVAL[4])).toEqual([]);
      expect(tiersAt(3, EVAL[0])).not.toContain(1); // 1,200 events in the hour: below 5,000
      expect(tiersAt(3, EVAL[0])).toContain(2);

      const tests = {
        rule_files: ['rules.yml'],
        evaluation_interval: '1m',
        tests: [
          {
            interval: '1m',
            input_series: Object.entries(series).map(([name, values]) => ({
              series: name,
              values: values.join(' '),
            })),
            alert_rule_test: EVAL.flatMap((t) =>
              ['SLOErrorBudgetBurnPage', 'SLOErrorBudgetBurnTicket'].map((alertname) => ({
                eval_time: `${t}m`,
                alertname,
                exp_alerts: expected(t, alertname),
              })),
            ),
          },
        ],
      };
      fs.writeFileSync(
        path.join(dir, 'test.yml'),
        stringify(tests, { lineWidth: 0, aliasDuplicateObjects: false }),
      );
      const run = runPromtool(['test', 'rules', 'test.yml'], dir);
      expect(run.status, run.stdout + run.stderr).toBe(0);
      fs.rmSync(dir, { recursive: true, force: true });
    },
    300_000,
  );
});
