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
      'and on() sum(increase(http_requests_total{job="checkout"}[1h])) >= 100',
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
    const doc = parse(yaml) as { groups: { name: string; rules: { expr: string }[] }[] };
    expect(doc.groups[0].name).toBe('sre-portal-slo-checkout');
    expect(doc.groups[0].rules[2].expr).toContain('>= bool 0.95)[1h:1m]');
  });
});
