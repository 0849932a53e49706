// Prometheus rules for an SLO (SPEC 1.2, 2): recording rules for the error ratio over every
// alert window (and, for rolling windows, the SLO window and the budget remaining), and the
// four multi-window multi-burn-rate alerts with the portal's thresholds and minimum-events
// guard, so Prometheus fires where the portal's alert table does. Valid for
// `promtool check rules`; plain YAML (no anchors or aliases).
import { stringify } from 'yaml';
import { httpUrlOrNull } from '@/lib/links';
import { runbookUrlForAlert } from '@/lib/runbooks/alerts';
import { alertWindows, nominalWindowDays, type ScaledAlertTier } from '@/lib/slo/alerts';
import { budgetFraction } from '@/lib/slo/budget';
import { LOOKBACKS } from '@/lib/slo/burn';
import type { BudgetingMethod, SloWindow } from '@/lib/slo/definition';
import { escapeTemplateText, safeHttpUrl } from './escape';

export interface RuleSlo {
  slug: string;
  name: string;
  serviceSlug: string;
  target: number;
  window: SloWindow;
  budgetingMethod: BudgetingMethod;
  timesliceTarget: number | null;
  /** Counter selector of good events; empty when `badQuery` is given. */
  goodQuery: string;
  totalQuery: string;
  /** Counter selector of bad (error) events instead of good ones: good = total − bad. */
  badQuery?: string | null;
  /** Alerts need at least this many events (minutes with data for timeslices) in their long window. */
  alertMinEvents?: number | null;
  runbookUrl: string | null;
  /** Link to the SLO page in the portal, for the alert annotations. */
  portalUrl: string;
}

export interface RuleOptions {
  /** Add an alert when the SLO's counters are absent (like Pyrra's), after this many minutes. */
  absentAlertMinutes?: number | null;
}

export interface RecordingRule {
  record: string;
  expr: string;
  labels: Record<string, string>;
}
export interface AlertingRule {
  alert: string;
  expr: string;
  for?: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

const record = (w: string) => `slo:sli_error:ratio_rate${w}`;
const eventsRecord = (w: string) => `slo:sli_events:count${w}`;

/** The portal's share of good events per second over `w`. */
function goodShare(s: RuleSlo, w: string): string {
  if (s.badQuery) return `(1 - sum(rate(${s.badQuery}[${w}])) / sum(rate(${s.totalQuery}[${w}])))`;
  return `(sum(rate(${s.goodQuery}[${w}])) / sum(rate(${s.totalQuery}[${w}])))`;
}

/** Error ratio over `w`: events for occurrences; the share of bad minutes for timeslices. */
function errorRatioExpr(s: RuleSlo, w: string): string {
  const minuteRatio = goodShare(s, '2m');
  if (s.budgetingMethod === 'timeslices') {
    return `1 - avg_over_time((${minuteRatio} >= bool ${s.timesliceTarget ?? 1})[${w}:1m])`;
  }
  if (s.budgetingMethod === 'ratio-timeslices') return `1 - avg_over_time(${minuteRatio}[${w}:1m])`;
  if (s.badQuery) return `sum(rate(${s.badQuery}[${w}])) / sum(rate(${s.totalQuery}[${w}]))`;
  return `1 - ${goodShare(s, w)}`;
}

/** What the portal counts against alertMinEvents: events, or minutes with data for timeslices. */
function eventsExpr(s: RuleSlo, w: string): string {
  if (s.budgetingMethod === 'occurrences') return `sum(increase(${s.totalQuery}[${w}]))`;
  return `count_over_time((sum(rate(${s.totalQuery}[2m])) > 0)[${w}:1m])`;
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

const windowText = (w: SloWindow) => (w.type === 'rolling' ? `${w.days}d` : `calendar ${w.unit}`);
const targetText = (target: number) => `${(target * 100).toFixed(3).replace(/\.?0+$/, '')}%`;

/**
 * Annotations of a tier's alert, shared with the portal's notifications (runbook_url included).
 * Names are escaped so they cannot open a template; links are http(s) only.
 */
export function alertAnnotations(
  s: Pick<RuleSlo, 'name' | 'serviceSlug' | 'target' | 'window' | 'runbookUrl' | 'portalUrl'>,
  tier: ScaledAlertTier,
  guard?: { minEvents: number },
) {
  const factor = Number(tier.factor.toFixed(2));
  const dashboard = httpUrlOrNull(s.portalUrl);
  // Without a runbook of its own, the alert links to the portal's runbook lookup for its name.
  const runbook =
    httpUrlOrNull(safeHttpUrl(s.runbookUrl)) ??
    (dashboard
      ? runbookUrlForAlert(dashboard.replace(/\/slos\/[^/]+$/, ''), alertName(tier), s.serviceSlug)
      : null);
  const name = escapeTemplateText(s.name);
  return {
    summary: `${name}: error budget burning ${factor}× too fast (${tier.long}/${tier.short})`,
    description: `${name} (${s.serviceSlug}) is burning its ${targetText(s.target)} / ${windowText(s.window)} error budget at more than ${factor}× over ${tier.long} and ${tier.short}${guard ? ` (with at least ${guard.minEvents} events over ${tier.long})` : ''}.${dashboard ? ` Portal: ${dashboard}` : ''}`,
    ...(runbook ? { runbook_url: runbook } : {}),
    ...(dashboard ? { dashboard } : {}),
  };
}

const MIN_PER: Record<string, number> = { m: 1, h: 60, d: 1440 };
/** '1h24m' → 84. */
const minutesOf = (w: string) =>
  [...w.matchAll(/(\d+)([mhd])/g)].reduce((sum, [, n, unit]) => sum + Number(n) * MIN_PER[unit], 0);

export function sloRuleGroup(s: RuleSlo, _at = new Date(), opts: RuleOptions = {}) {
  const labels = () => ({ slo: s.slug, service: s.serviceSlug });
  const sel = `{slo="${s.slug}"}`;
  const B = budgetFraction(s.target);
  // The portal's scaled windows and constant factors (SPEC 2): the one place the rules take them from.
  const tiers = alertWindows(nominalWindowDays(s.window)).map((tier) => ({
    tier,
    long: tier.long,
    short: tier.short,
    factor: tier.factor,
  }));
  const windows = [...new Set<string>([...LOOKBACKS, ...tiers.flatMap((t) => [t.long, t.short])])].sort(
    (a, b) => minutesOf(a) - minutesOf(b),
  );
  const recordings: RecordingRule[] = windows.map((w) => ({
    record: record(w),
    expr: errorRatioExpr(s, w),
    labels: labels(),
  }));
  // The budget over the SLO window. A calendar window (since the 1st of the month, in a time
  // zone) is not a range Prometheus can select: a rolling `31d` would claim a number that
  // differs from the portal's and changes every month, so it is left out (see the file header).
  if (s.window.type === 'rolling') {
    const W = `${s.window.days}d`;
    if (!windows.includes(W))
      recordings.push({ record: record(W), expr: errorRatioExpr(s, W), labels: labels() });
    recordings.push({
      record: 'slo:error_budget:remaining',
      expr: `1 - (${record(W)}${sel} / ${B})`,
      labels: labels(),
    });
  }
  const minEvents = s.alertMinEvents ?? null;
  if (minEvents !== null && minEvents > 0) {
    for (const long of new Set(tiers.map((t) => t.long)))
      recordings.push({ record: eventsRecord(long), expr: eventsExpr(s, long), labels: labels() });
  }
  const runbook = httpUrlOrNull(s.runbookUrl);
  const dashboard = httpUrlOrNull(s.portalUrl);
  const alerts = tiers.map(({ tier, long, short, factor }): AlertingRule => {
    const threshold = Number((factor * B).toPrecision(12));
    const guard =
      minEvents !== null && minEvents > 0 ? ` and ${eventsRecord(long)}${sel} >= ${minEvents}` : '';
    return {
      alert: alertName(tier),
      expr: `${record(long)}${sel} > ${threshold} and ${record(short)}${sel} > ${threshold}${guard}`,
      labels: alertLabels(s, tier),
      annotations: alertAnnotations(s, tier, guard ? { minEvents: minEvents as number } : undefined),
    };
  });
  const absent: AlertingRule[] = [];
  if (opts.absentAlertMinutes) {
    const counters = [s.totalQuery, s.badQuery || s.goodQuery].filter(Boolean);
    for (const counter of counters) {
      absent.push({
        alert: 'SLOMetricAbsent',
        expr: `absent(${counter}) == 1`,
        for: `${opts.absentAlertMinutes}m`,
        labels: { ...labels(), severity: 'ticket' },
        annotations: {
          summary: `${escapeTemplateText(s.name)}: no samples of ${counter}`,
          description: `${counter} has no samples: the SLO of ${escapeTemplateText(s.name)} (${s.serviceSlug}) cannot be measured and its burn-rate alerts cannot fire.${dashboard ? ` Portal: ${dashboard}` : ''}`,
          ...(runbook ? { runbook_url: runbook } : {}),
        },
      });
    }
  }
  const rules: (RecordingRule | AlertingRule)[] = [...recordings, ...alerts, ...absent];
  return { name: `sre-portal-slo-${s.slug}`, rules };
}

/** A Prometheus rule file (YAML) with one group per SLO. */
export function rulesYaml(slos: RuleSlo[], at = new Date(), opts: RuleOptions = {}): string {
  const lines = [
    `# Generated by the SRE portal for ${slos.length} SLO(s) at ${at.toISOString()}.`,
    '# Load with rule_files in prometheus.yml; validate with: promtool check rules <file>',
  ];
  if (slos.some((s) => s.window.type === 'calendar')) {
    lines.push(
      '# Calendar windows: Prometheus has no range "since the start of the month/week/quarter in a time',
      '# zone", so no budget-remaining rule is written for those SLOs (a rolling 30d/31d would disagree',
      '# with the portal). Their burn-rate alerts need no such range and are included.',
    );
  }
  return `${lines.join('\n')}\n${stringify({ groups: slos.map((s) => sloRuleGroup(s, at, opts)) }, { lineWidth: 0, aliasDuplicateObjects: false })}`;
}
