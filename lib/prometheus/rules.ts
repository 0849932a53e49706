// Prometheus rules for an SLO (SPEC 1.2, 2): recording rules for the error ratio
// over every alert window and the budget remaining, and the four multi-window
// multi-burn-rate alerts. Valid for `promtool check rules`.

import { stringify } from 'yaml';
import { alertWindows, nominalWindowDays, type ScaledAlertTier } from '@/lib/slo/alerts';
import { budgetFraction } from '@/lib/slo/budget';
import { LOOKBACKS } from '@/lib/slo/burn';
import type { BudgetingMethod, SloWindow } from '@/lib/slo/definition';
import { windowLengthMinutes } from '@/lib/slo/windows';
import { escapeTemplateText, safeHttpUrl } from './escape';

export interface RuleSlo {
  slug: string;
  name: string;
  serviceSlug: string;
  target: number;
  window: SloWindow;
  budgetingMethod: BudgetingMethod;
  timesliceTarget: number | null;
  goodQuery: string;
  totalQuery: string;
  runbookUrl: string | null;
  /** Alerts need at least this many events in the long window (SPEC 2), as in the portal. */
  alertMinEvents?: number | null;
  /** Link to the SLO page in the portal, for the alert annotations. */
  portalUrl: string;
}

const record = (w: string) => `slo:sli_error:ratio_rate${w}`;

/** Error ratio over `w`: events for occurrences; the share of bad minutes for timeslices. */
function errorRatioExpr(s: RuleSlo, w: string): string {
  const minuteRatio = `(sum(rate(${s.goodQuery}[2m])) / sum(rate(${s.totalQuery}[2m])))`;
  if (s.budgetingMethod === 'timeslices') {
    return `1 - avg_over_time((${minuteRatio} >= bool ${s.timesliceTarget ?? 1})[${w}:1m])`;
  }
  if (s.budgetingMethod === 'ratio-timeslices') return `1 - avg_over_time(${minuteRatio}[${w}:1m])`;
  return `1 - (sum(rate(${s.goodQuery}[${w}])) / sum(rate(${s.totalQuery}[${w}])))`;
}

function windowDuration(window: SloWindow, at: Date): string {
  return `${Math.round(windowLengthMinutes(window, at) / 1440)}d`;
}

/** Alert name of a tier, in the generated rules and in what the portal sends to Alertmanager. */
export function alertName(tier: Pick<ScaledAlertTier, 'severity'>): string {
  return tier.severity === 'page' ? 'SLOErrorBudgetBurnPage' : 'SLOErrorBudgetBurnTicket';
}

/** Labels of a tier's alert (the generated rule's, and the portal's own notifications). */
export function alertLabels(s: Pick<RuleSlo, 'slug' | 'serviceSlug'>, tier: ScaledAlertTier) {
  return {
    slo: s.slug,
    service: s.serviceSlug,
    severity: tier.severity,
    tier: String(tier.tier),
    long_window: tier.long,
    short_window: tier.short,
  };
}

/** Annotations of a tier's alert, shared with the portal's notifications (runbook_url included). */
export function alertAnnotations(
  s: Pick<RuleSlo, 'name' | 'serviceSlug' | 'target' | 'window' | 'runbookUrl' | 'portalUrl'>,
  tier: ScaledAlertTier,
  at = new Date(),
) {
  const W = windowDuration(s.window, at);
  const factor = Number(tier.factor.toFixed(2));
  const runbook = safeHttpUrl(s.runbookUrl);
  return {
    summary: `${escapeTemplateText(s.name)}: error budget burning ${factor}× too fast (${tier.long}/${tier.short})`,
    description: `${escapeTemplateText(s.name)} (${s.serviceSlug}) is burning its ${(s.target * 100).toFixed(3).replace(/\.?0+$/, '')}% / ${W} error budget at more than ${factor}× over ${tier.long} and ${tier.short}. Portal: ${s.portalUrl}`,
    ...(runbook ? { runbook_url: runbook } : {}),
    dashboard: s.portalUrl,
  };
}

export function sloRuleGroup(s: RuleSlo, at = new Date()) {
  const labels = { slo: s.slug, service: s.serviceSlug };
  const sel = `{slo="${s.slug}"}`;
  const B = budgetFraction(s.target);
  const W = windowDuration(s.window, at);
  const tiers = alertWindows(nominalWindowDays(s.window));
  // The displayed lookbacks, then every scaled alert window (SPEC 2) not already among them.
  const windows = [...LOOKBACKS] as string[];
  for (const t of tiers) for (const w of [t.short, t.long]) if (!windows.includes(w)) windows.push(w);
  const recordings = windows.map((w) => ({ record: record(w), expr: errorRatioExpr(s, w), labels }));
  const windowRecording = { record: record(W), expr: errorRatioExpr(s, W), labels };
  const remaining = {
    record: 'slo:error_budget:remaining',
    expr: `1 - (${record(W)}${sel} / ${B})`,
    labels,
  };
  const alerts = tiers.map((tier) => {
    const threshold = Number((tier.factor * B).toPrecision(12));
    // Low traffic suppresses, as in the portal: events for occurrences, minutes with data for timeslices.
    const seen =
      s.budgetingMethod === 'occurrences'
        ? `sum(increase(${s.totalQuery}[${tier.long}]))`
        : `count_over_time((sum(rate(${s.totalQuery}[2m])) > 0)[${tier.long}:1m])`;
    const minEvents =
      s.alertMinEvents && s.alertMinEvents > 0 ? ` and on() ${seen} >= ${s.alertMinEvents}` : '';
    return {
      alert: alertName(tier),
      expr: `${record(tier.long)}${sel} > ${threshold} and ${record(tier.short)}${sel} > ${threshold}${minEvents}`,
      labels: alertLabels(s, tier),
      annotations: alertAnnotations(s, tier, at),
    };
  });
  const own = windows.includes(W) ? [] : [windowRecording];
  return { name: `sre-portal-slo-${s.slug}`, rules: [...recordings, ...own, remaining, ...alerts] };
}

/** A Prometheus rule file (YAML) with one group per SLO. */
export function rulesYaml(slos: RuleSlo[], at = new Date()): string {
  const header = `# Generated by the SRE portal for ${slos.length} SLO(s) at ${at.toISOString()}.\n# Load with rule_files in prometheus.yml; validate with: promtool check rules <file>\n`;
  return header + stringify({ groups: slos.map((s) => sloRuleGroup(s, at)) }, { lineWidth: 0 });
}
