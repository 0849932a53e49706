import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { rulesYaml, sloRuleGroup } from './rules';

const base = {
  slug: 'checkout',
  name: 'Checkout availability',
  serviceSlug: 'checkout-api',
  target: 0.999,
  window: { type: 'rolling', days: 30 } as const,
  budgetingMethod: 'occurrences' as const,
  timesliceTarget: null,
  goodQuery: 'http_requests_total{job="checkout",code!~"5.."}',
  totalQuery: 'http_requests_total{job="checkout"}',
  runbookUrl: 'https://wiki/runbooks/checkout',
  portalUrl: 'https://sre/slos/checkout',
};

describe('sloRuleGroup', () => {
  it('records the error ratio over every alert window and the SLO window, and the budget left', () => {
    const g = sloRuleGroup(base);
    const records = g.rules.filter((r) => 'record' in r).map((r) => ('record' in r ? r.record : ''));
    expect(records).toEqual([
      'slo:sli_error:ratio_rate5m',
      'slo:sli_error:ratio_rate30m',
      'slo:sli_error:ratio_rate1h',
      'slo:sli_error:ratio_rate2h',
      'slo:sli_error:ratio_rate6h',
      'slo:sli_error:ratio_rate1d',
      'slo:sli_error:ratio_rate3d',
      'slo:sli_error:ratio_rate30d',
      'slo:error_budget:remaining',
    ]);
    expect(g.rules[0]).toMatchObject({
      expr: '1 - (sum(rate(http_requests_total{job="checkout",code!~"5.."}[5m])) / sum(rate(http_requests_total{job="checkout"}[5m])))',
      labels: { slo: 'checkout', service: 'checkout-api' },
    });
  });

  it('has the four multi-window alerts with the SPEC 2 factors × budget as thresholds', () => {
    const alerts = sloRuleGroup(base).rules.filter((r) => 'alert' in r);
    expect(alerts.map((a) => ('expr' in a ? a.expr : ''))).toEqual([
      'slo:sli_error:ratio_rate1h{slo="checkout"} > 0.0144 and slo:sli_error:ratio_rate5m{slo="checkout"} > 0.0144',
      'slo:sli_error:ratio_rate6h{slo="checkout"} > 0.006 and slo:sli_error:ratio_rate30m{slo="checkout"} > 0.006',
      'slo:sli_error:ratio_rate1d{slo="checkout"} > 0.003 and slo:sli_error:ratio_rate2h{slo="checkout"} > 0.003',
      'slo:sli_error:ratio_rate3d{slo="checkout"} > 0.001 and slo:sli_error:ratio_rate6h{slo="checkout"} > 0.001',
    ]);
    expect(alerts[0]).toMatchObject({
      alert: 'SLOErrorBudgetBurnPage',
      labels: { severity: 'page', tier: '1', slo: 'checkout' },
      annotations: { runbook_url: 'https://wiki/runbooks/checkout' },
    });
    expect(alerts[3]).toMatchObject({
      alert: 'SLOErrorBudgetBurnTicket',
      labels: { severity: 'ticket', tier: '4' },
    });
  });

  it('scales the alert windows of a 7-day and a 90-day SLO and keeps the factors', () => {
    const week = sloRuleGroup({ ...base, window: { type: 'rolling', days: 7 } }).rules.filter(
      (r) => 'alert' in r,
    );
    expect(week.map((a) => ('expr' in a ? a.expr : ''))).toEqual([
      'slo:sli_error:ratio_rate14m{slo="checkout"} > 0.0144 and slo:sli_error:ratio_rate1m{slo="checkout"} > 0.0144',
      'slo:sli_error:ratio_rate1h24m{slo="checkout"} > 0.006 and slo:sli_error:ratio_rate7m{slo="checkout"} > 0.006',
      'slo:sli_error:ratio_rate5h36m{slo="checkout"} > 0.003 and slo:sli_error:ratio_rate28m{slo="checkout"} > 0.003',
      'slo:sli_error:ratio_rate16h48m{slo="checkout"} > 0.001 and slo:sli_error:ratio_rate1h24m{slo="checkout"} > 0.001',
    ]);
    expect(week[0]).toMatchObject({ labels: { long_window: '14m', short_window: '1m' } });
    const quarter = sloRuleGroup({ ...base, window: { type: 'calendar', unit: 'quarter', timezone: 'UTC' } });
    const records = quarter.rules.map((r) => ('record' in r ? r.record : ''));
    expect(records).toContain('slo:sli_error:ratio_rate9d');
    expect(records).toContain('slo:sli_error:ratio_rate1h30m');
    expect(new Set(records.filter(Boolean)).size).toBe(records.filter(Boolean).length);
  });

  it('suppresses on low traffic like the portal', () => {
    const alerts = sloRuleGroup({ ...base, alertMinEvents: 100 }).rules.filter((r) => 'alert' in r);
    expect('expr' in alerts[0] && alerts[0].expr).toContain(
      'and slo:sli_events:count1h{slo="checkout"} >= 100',
    );
  });

  it('uses per-minute subqueries for timeslices and renders valid YAML', () => {
    const yaml = rulesYaml([
      {
        ...base,
        budgetingMethod: 'timeslices',
        timesliceTarget: 0.95,
        window: { type: 'rolling', days: 28 },
      },
    ]);
    const doc = parse(yaml) as { groups: { name: string; rules: { record?: string; expr: string }[] }[] };
    expect(doc.groups[0].name).toBe('sre-portal-slo-checkout');
    const hour = doc.groups[0].rules.find((r) => r.record === 'slo:sli_error:ratio_rate1h');
    expect(hour?.expr).toContain('>= bool 0.95)[1h:1m]');
  });
});

describe('rules that agree with the portal', () => {
  it('guards every alert with the long window event count when alertMinEvents is set', () => {
    const g = sloRuleGroup({ ...base, alertMinEvents: 500 });
    const records = g.rules.filter((r) => 'record' in r);
    expect(records.filter((r) => 'record' in r && r.record.startsWith('slo:sli_events'))).toEqual([
      {
        record: 'slo:sli_events:count1h',
        expr: 'sum(increase(http_requests_total{job="checkout"}[1h]))',
        labels: { slo: 'checkout', service: 'checkout-api' },
      },
      expect.objectContaining({ record: 'slo:sli_events:count6h' }),
      expect.objectContaining({ record: 'slo:sli_events:count1d' }),
      expect.objectContaining({ record: 'slo:sli_events:count3d' }),
    ]);
    const alerts = g.rules.filter((r) => 'alert' in r);
    expect(alerts[0].expr).toBe(
      'slo:sli_error:ratio_rate1h{slo="checkout"} > 0.0144 and slo:sli_error:ratio_rate5m{slo="checkout"} > 0.0144 and slo:sli_events:count1h{slo="checkout"} >= 500',
    );
    expect(sloRuleGroup(base).rules.some((r) => r.expr.includes('sli_events'))).toBe(false);
  });

  it('writes no budget-remaining rule for a calendar window, and says why', () => {
    const calendar = {
      ...base,
      window: { type: 'calendar', unit: 'month', timezone: 'Europe/Berlin' } as const,
    };
    const g = sloRuleGroup(calendar, new Date('2026-12-10T00:00:00Z'));
    const records = g.rules.map((r) => ('record' in r ? r.record : r.alert));
    expect(records).not.toContain('slo:error_budget:remaining');
    expect(records.some((r) => /ratio_rate3\d+d|ratio_rate2[89]d/.test(r))).toBe(false);
    expect(rulesYaml([calendar])).toContain('# Calendar windows: Prometheus has no range');
    expect(g.rules.filter((r) => 'alert' in r)).toHaveLength(4);
  });

  it('computes the error ratio from a bad counter when one is given', () => {
    const g = sloRuleGroup({
      ...base,
      goodQuery: '',
      badQuery: 'http_requests_total{job="checkout",code=~"5.."}',
    });
    expect(g.rules[0].expr).toBe(
      'sum(rate(http_requests_total{job="checkout",code=~"5.."}[5m])) / sum(rate(http_requests_total{job="checkout"}[5m]))',
    );
  });

  it('adds an absent-data alert only when asked', () => {
    expect(sloRuleGroup(base).rules.some((r) => 'alert' in r && r.alert === 'SLOMetricAbsent')).toBe(false);
    const absent = sloRuleGroup(base, new Date(), { absentAlertMinutes: 10 }).rules.filter(
      (r) => 'alert' in r && r.alert === 'SLOMetricAbsent',
    );
    expect(absent.map((r) => [r.expr, 'for' in r && r.for])).toEqual([
      ['absent(http_requests_total{job="checkout"}) == 1', '10m'],
      ['absent(http_requests_total{job="checkout",code!~"5.."}) == 1', '10m'],
    ]);
  });

  it('uses no YAML anchors or aliases and links only http(s) runbooks', () => {
    const yaml = rulesYaml([base, { ...base, slug: 'b', runbookUrl: 'javascript:alert(1)' }]);
    expect(yaml).not.toMatch(/[&*]a\d/);
    const doc = parse(yaml) as { groups: { rules: { annotations?: Record<string, string> }[] }[] };
    const annotations = doc.groups.map((g) => g.rules.find((r) => r.annotations)?.annotations);
    expect(annotations[0]?.runbook_url).toBe('https://wiki/runbooks/checkout');
    // A refused link falls back to the portal's runbook lookup for the alert.
    expect(annotations[1]?.runbook_url).toBe(
      'https://sre/runbooks/by-alert/SLOErrorBudgetBurnPage?service=checkout-api',
    );
    expect(yaml).not.toContain('javascript:');
  });
});
