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
