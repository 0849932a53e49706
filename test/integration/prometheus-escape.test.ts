// Prometheus template injection (issue 9 item 5): rules built from hostile SLO names
// pass `promtool check rules`, and a firing alert renders the name as plain text.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type RuleSlo, rulesYaml, sloRuleGroup } from '@/lib/prometheus/rules';
import { hasPrometheus, PROMTOOL } from '../helpers/prometheus';

const HOSTILE = [
  'Broken {{ end }}',
  'Runs {{ query "up" }} when firing',
  '{{ template "x" }} {{ define "y" }}',
  'Dollar $labels.slo and }} and {{',
];

const base = (i: number, name: string, runbookUrl: string | null = null): RuleSlo => ({
  slug: `hostile-${i}`,
  name,
  serviceSlug: 'checkout',
  target: 0.99,
  window: { type: 'rolling', days: 30 },
  budgetingMethod: 'occurrences',
  timesliceTarget: null,
  goodQuery: 'good_total',
  totalQuery: 'all_total',
  runbookUrl,
  portalUrl: 'https://sre.example.com/slos/x',
});

describe('Prometheus template injection (item 5)', () => {
  it('escapes names so no annotation opens a template, and drops non-http runbook links', () => {
    const yaml = rulesYaml([base(0, HOSTILE[1], 'javascript:alert(1)')]);
    expect(yaml).not.toMatch(/\{\{ query/);
    expect(yaml).not.toContain('javascript:');
  });

  it.skipIf(!hasPrometheus)('promtool accepts every rule file and renders the names literally', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sre-escape-'));
    try {
      const slos = HOSTILE.map((name, i) => base(i, name, 'https://wiki.example.com/rb?{{x}}'));
      fs.writeFileSync(path.join(dir, 'rules.yml'), rulesYaml(slos));
      const check = spawnSync(PROMTOOL, ['check', 'rules', 'rules.yml'], { cwd: dir, encoding: 'utf8' });
      expect(check.status, check.stdout + check.stderr).toBe(0);

      // 100% errors for ~3 hours: every SLO's page alerts fire; each summary must be its name, verbatim.
      const test = {
        rule_files: ['rules.yml'],
        evaluation_interval: '1m',
        tests: [
          {
            interval: '1m',
            input_series: [
              { series: 'good_total{slo="hostile-0"}', values: '0+0x180' },
              { series: 'all_total{slo="hostile-0"}', values: '0+100x180' },
            ],
            alert_rule_test: [
              {
                eval_time: '170m',
                alertname: 'SLOErrorBudgetBurnPage',
                exp_alerts: slos.flatMap(expectedAlerts),
              },
            ],
          },
        ],
      };
      fs.writeFileSync(path.join(dir, 'test.yml'), JSON.stringify(test));
      const run = spawnSync(PROMTOOL, ['test', 'rules', 'test.yml'], { cwd: dir, encoding: 'utf8' });
      expect(run.status, run.stdout + run.stderr).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** The page alerts the rules produce for `s`, with the annotations as promtool must render them: the literal text. */
function expectedAlerts(s: RuleSlo) {
  const literal = (v: string) => v.replaceAll('{{ "{{" }}', '{{');
  return sloRuleGroup(s)
    .rules.filter((r) => 'alert' in r && r.alert === 'SLOErrorBudgetBurnPage')
    .map((r) => {
      const rule = r as { labels: Record<string, string>; annotations: Record<string, string> };
      const annotations = Object.fromEntries(
        Object.entries(rule.annotations).map(([k, v]) => [k, literal(v)]),
      );
      expect(annotations.summary.startsWith(`${s.name}:`)).toBe(true);
      return { exp_labels: rule.labels, exp_annotations: annotations };
    });
}
