// Alertmanager webhook payload (version 4) → incident fields (SPEC 1.3, 3).

import { z } from 'zod';
import type { IncidentSeverity } from './types';

const labels = z.record(z.string(), z.string());
const alert = z.object({
  status: z.enum(['firing', 'resolved']),
  labels,
  annotations: labels.optional().default({}),
  startsAt: z.string(),
  endsAt: z.string().optional().default(''),
  generatorURL: z.string().optional().default(''),
  fingerprint: z.string().optional().default(''),
});

export const alertmanagerPayload = z.object({
  version: z.literal('4', { message: 'only payload version "4" is supported' }),
  groupKey: z.string().min(1).max(2000),
  truncatedAlerts: z.number().optional(),
  status: z.enum(['firing', 'resolved']),
  receiver: z.string().optional().default(''),
  groupLabels: labels.optional().default({}),
  commonLabels: labels.optional().default({}),
  commonAnnotations: labels.optional().default({}),
  externalURL: z.string().optional().default(''),
  alerts: z.array(alert).max(1000),
});
export type AlertmanagerPayload = z.infer<typeof alertmanagerPayload>;

/** Severity label → incident severity; configurable in settings, this is the default table. */
export const DEFAULT_SEVERITY_MAP: Record<string, IncidentSeverity> = {
  critical: 'SEV1',
  page: 'SEV2',
  high: 'SEV2',
  error: 'SEV2',
  warning: 'SEV3',
  ticket: 'SEV3',
  info: 'SEV4',
};
export const FALLBACK_SEVERITY: IncidentSeverity = 'SEV3';

export function mapSeverity(
  label: string | undefined,
  table: Record<string, IncidentSeverity> = DEFAULT_SEVERITY_MAP,
): IncidentSeverity {
  if (!label) return FALLBACK_SEVERITY;
  return table[label.toLowerCase()] ?? FALLBACK_SEVERITY;
}

const parseTime = (s: string | undefined) => {
  if (!s || s.startsWith('0001-')) return null;
  const t = new Date(s);
  return Number.isNaN(t.getTime()) ? null : t;
};

export interface AlertGroupIncident {
  title: string;
  severity: IncidentSeverity;
  serviceSlug: string | null;
  alertName: string | null;
  startedAt: Date;
  resolvedAt: Date | null;
  status: 'firing' | 'resolved';
  /** One timeline line describing this delivery. */
  timelineText: string;
  /** Same payload → same key: a re-delivery adds nothing. */
  deliveryKey: string;
  runbookUrl: string | null;
}

function labelsText(l: Record<string, string>, skip: string[]): string {
  return Object.entries(l)
    .filter(([k]) => !skip.includes(k))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
}

/** Maps one delivery; `now` is the receive time used when the payload carries no start. */
export function mapAlertGroup(
  p: AlertmanagerPayload,
  now: Date,
  table: Record<string, IncidentSeverity> = DEFAULT_SEVERITY_MAP,
): AlertGroupIncident {
  const common = { ...p.groupLabels, ...p.commonLabels };
  const first = p.alerts[0];
  const alertName = common.alertname ?? first?.labels.alertname ?? null;
  const severityLabel = common.severity ?? first?.labels.severity;
  const rank = (s: IncidentSeverity) => Number(s.slice(3));
  // The most severe alert of the group decides.
  let severity = mapSeverity(severityLabel, table);
  for (const a of p.alerts) {
    const s = mapSeverity(a.labels.severity, table);
    if (a.labels.severity && rank(s) < rank(severity)) severity = s;
  }
  const serviceSlug = common.service ?? first?.labels.service ?? null;
  const rest = labelsText(common, ['alertname', 'severity']);
  const title = `${alertName ?? 'Alert'}${rest ? ` (${rest})` : ''}`.slice(0, 200);
  const starts = p.alerts.map((a) => parseTime(a.startsAt)).filter((d): d is Date => d !== null);
  const ends = p.alerts.map((a) => parseTime(a.endsAt)).filter((d): d is Date => d !== null);
  const startedAt = starts.length ? new Date(Math.min(...starts.map((d) => d.getTime()))) : now;
  const resolvedAt =
    p.status === 'resolved'
      ? ends.length
        ? new Date(Math.max(...ends.map((d) => d.getTime())))
        : now
      : null;
  const firing = p.alerts.filter((a) => a.status === 'firing').length;
  const resolved = p.alerts.length - firing;
  const summary = p.commonAnnotations.summary ?? first?.annotations.summary ?? '';
  const timelineText =
    p.status === 'resolved'
      ? `Alertmanager: ${alertName ?? 'alert group'} resolved (${p.alerts.length} alert${p.alerts.length === 1 ? '' : 's'})`
      : `Alertmanager: ${firing} firing, ${resolved} resolved${summary ? ` — ${summary}` : ''}`;
  const deliveryKey = `am:${p.status}:${p.alerts
    .map(
      (a) =>
        `${a.fingerprint || labelsText(a.labels, [])}@${a.status}@${a.startsAt}@${a.status === 'resolved' ? a.endsAt : ''}`,
    )
    .sort()
    .join('|')}`;
  const runbook = p.commonAnnotations.runbook_url ?? first?.annotations.runbook_url ?? null;
  return {
    title,
    severity,
    serviceSlug,
    alertName,
    startedAt,
    resolvedAt,
    status: p.status,
    timelineText: timelineText.slice(0, 2000),
    deliveryKey,
    runbookUrl: runbook && /^https?:\/\//i.test(runbook) ? runbook : null,
  };
}
