import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { stringify } from 'yaml';
import { sloStatusBySlug } from '@/db/slo/api';
import { ingestSamples } from '@/db/slo/samples';
import { type RuleSlo, rulesYaml, sloRuleGroup } from '@/lib/prometheus/rules';
import type { SampleInput } from '@/lib/slo/samples';
import { describeEachDriver } from '../helpers/db';
import { makeSlo } from '../helpers/fixtures';
import { hasPrometheus, runPromtool } from '../helpers/prometheus';

const MIN = 60_000;
const DAY = 86_400_000;

interface Case {
  days: number;
  /** Error phase [from, to) in minutes from the start of the data: 5 % of events fail (burn 50 at 99.9 %). */
  errors: [number, number];
  /** Minutes from the start at which Prometheus and the portal are compared. */
  evalAt: number[];
  /** What the portal's alert table must say at each instant (checked by hand from SPEC 2's windows). */
  firing: number[][];
  scrapeSeconds: number;
  evalInterval: string;
}

const CASES: Case[] = [
  {
    // 7 days: 14m/1m, 1h24m/7m, 5h36m/28m, 16h48m/1h24m.
    days: 7,
    errors: [1440, 1500],
    evalAt: [1430, 1470, 1530],
    firing: [[], [1, 2, 3, 4], [4]],
    scrapeSeconds: 30,
    evalInterval: '1m',
  },
  {
    // 90 days: 3h/15m, 18h/1h30m, 3d/6h, 9d/18h.
    days: 90,
    errors: [14400, 14580],
    evalAt: [14385, 14520, 14565],
    firing: [[], [1], [1, 2]],
    // promtool's test engine loads at most 10,000 samples a query: scrape every 5 minutes.
    scrapeSeconds: 300,
    evalInterval: '15m',
  },
];

function duration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${h ? `${h}h` : ''}${m || !h ? `${m}m` : ''}`;
}

/** Counter series in promtool's expanding notation: 1000 events a minute, the good ones 950 during errors. */
function series(c: Case, endMinute: number) {
  const perStep = (1000 * c.scrapeSeconds) / 60;
  const badStep = (950 * c.scrapeSeconds) / 60;
  const steps = (minutes: number) => (minutes * 60) / c.scrapeSeconds;
  const [e0, e1] = c.errors.map(steps);
  const n = steps(endMinute);
  const total = `0+${perStep}x${n}`;
  const good = [
    `0+${perStep}x${e0}`,
    `${perStep * e0 + badStep}+${badStep}x${e1 - e0 - 1}`,
    `${perStep * e0 + badStep * (e1 - e0) + perStep}+${perStep}x${n - e1 - 1}`,
  ].join(' ');
  return { total, good };
}

describeEachDriver('generated rules under promtool', (ctx, driver) => {
  for (const c of CASES) {
    it.skipIf(!hasPrometheus)(
      `fire where the portal's alert table does for a ${c.days}-day SLO`,
      async () => {
        const { db } = ctx();
        const slo = await makeSlo(db, { target: 0.999, windowDays: c.days });
        const end = Math.ceil((Math.max(...c.evalAt, c.errors[1]) + 1) / 5) * 5;
        const base = Math.floor(Date.now() / DAY) * DAY - 20 * DAY;
        const samples: SampleInput[] = [];
        for (let m = 0; m < end; m++) {
          const bad = m >= c.errors[0] && m < c.errors[1];
          samples.push({ minute: base + m * MIN, good: bad ? 950 : 1000, total: 1000 });
        }
        await db.transaction((tx) => ingestSamples(tx, slo.id, samples));

        // The portal's alert table at each instant (its window ends at the instant).
        const portal: number[][] = [];
        for (const at of c.evalAt) {
          const view = await sloStatusBySlug(db, slo.slug, new Date(base + at * MIN - 1));
          portal.push(view.firing.map((a) => a.tier));
        }
        expect(portal).toEqual(c.firing);
        // Prometheus does not depend on the portal's database: run promtool once, not per driver.
        if (driver === 'postgres') return;

        const rule: RuleSlo = {
          slug: slo.slug,
          name: slo.name,
          serviceSlug: 'svc',
          target: 0.999,
          window: { type: 'rolling', days: c.days },
          budgetingMethod: 'occurrences',
          timesliceTarget: null,
          goodQuery: 'app_requests_good_total{job="app"}',
          totalQuery: 'app_requests_total{job="app"}',
          runbookUrl: 'https://wiki/runbook',
          portalUrl: 'https://sre/slos/x',
        };
        const group = sloRuleGroup(rule);
        const alertRules = group.rules.filter((r): r is Extract<typeof r, { alert: string }> => 'alert' in r);
        const { total, good } = series(c, end);
        const tests = {
          rule_files: ['rules.yml'],
          evaluation_interval: c.evalInterval,
          tests: [
            {
              interval: `${c.scrapeSeconds}s`,
              input_series: [
                { series: 'app_requests_total{job="app"}', values: total },
                { series: 'app_requests_good_total{job="app"}', values: good },
              ],
              alert_rule_test: c.evalAt.flatMap((at, i) =>
                ['SLOErrorBudgetBurnPage', 'SLOErrorBudgetBurnTicket'].map((alertname) => ({
                  eval_time: duration(at),
                  alertname,
                  exp_alerts: alertRules
                    .filter((r) => r.alert === alertname && portal[i].includes(Number(r.labels.tier)))
                    .map((r) => ({ exp_labels: r.labels, exp_annotations: r.annotations })),
                })),
              ),
            },
          ],
        };
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'promtool-'));
        if (process.env.KEEP_PROMTOOL) console.log('promtool dir', dir);
        try {
          fs.writeFileSync(path.join(dir, 'rules.yml'), rulesYaml([rule]));
          fs.writeFileSync(path.join(dir, 'test.yml'), stringify(tests, { lineWidth: 0 }));
          const check = runPromtool(['check', 'rules', 'rules.yml'], dir);
          expect(check.status, check.stdout + check.stderr).toBe(0);
          const run = runPromtool(['test', 'rules', 'test.yml'], dir);
          expect(run.status, run.stdout + run.stderr).toBe(0);
        } finally {
          if (!process.env.KEEP_PROMTOOL) fs.rmSync(dir, { recursive: true, force: true });
        }
      },
      600_000,
    );
  }
});
