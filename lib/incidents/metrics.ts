// Incident metrics (SPEC 2): TTD = detected − started, TTA = acknowledged − detected,
// TTM = mitigated − started, TTR = resolved − started; MTTx = mean over the incidents
// resolved in the month.

export interface IncidentTimes {
  startedAt: Date;
  detectedAt: Date | null;
  acknowledgedAt: Date | null;
  mitigatedAt: Date | null;
  resolvedAt: Date | null;
}

export interface IncidentDurations {
  /** Minutes; null while the later milestone is missing. */
  ttd: number | null;
  tta: number | null;
  ttm: number | null;
  ttr: number | null;
}

const minutesBetween = (from: Date | null, to: Date | null) =>
  from && to ? Math.max(0, (to.getTime() - from.getTime()) / 60_000) : null;

export function incidentDurations(i: IncidentTimes): IncidentDurations {
  return {
    ttd: minutesBetween(i.startedAt, i.detectedAt),
    tta: minutesBetween(i.detectedAt, i.acknowledgedAt),
    ttm: minutesBetween(i.startedAt, i.mitigatedAt),
    ttr: minutesBetween(i.startedAt, i.resolvedAt),
  };
}

export interface MonthlyMttx {
  /** YYYY-MM (UTC) of the resolution. */
  month: string;
  incidents: number;
  mttd: number | null;
  mtta: number | null;
  mttm: number | null;
  mttr: number | null;
}

const mean = (values: (number | null)[]) => {
  const present = values.filter((v): v is number => v !== null);
  return present.length ? present.reduce((a, b) => a + b, 0) / present.length : null;
};

export const monthOf = (d: Date) => d.toISOString().slice(0, 7);

/** MTTx per month of resolution, oldest first, for the `months` months ending with `now`'s. */
export function monthlyMttx(incidents: IncidentTimes[], now: Date, months = 6): MonthlyMttx[] {
  const keys: string[] = [];
  for (let k = months - 1; k >= 0; k--) {
    keys.push(monthOf(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - k, 1))));
  }
  return keys.map((month) => {
    const resolved = incidents.filter((i) => i.resolvedAt && monthOf(i.resolvedAt) === month);
    const d = resolved.map(incidentDurations);
    return {
      month,
      incidents: resolved.length,
      mttd: mean(d.map((x) => x.ttd)),
      mtta: mean(d.map((x) => x.tta)),
      mttm: mean(d.map((x) => x.ttm)),
      mttr: mean(d.map((x) => x.ttr)),
    };
  });
}

/** SEV1/SEV2 postmortem deadlines (SPEC 1.3): a draft within 3 days, published within 5, counted from resolution. */
export function postmortemOverdue(
  incident: { severity: string; resolvedAt: Date | null },
  postmortem: { status: string } | null,
  now: Date,
): 'no-draft' | 'unpublished' | null {
  if (!incident.resolvedAt || (incident.severity !== 'SEV1' && incident.severity !== 'SEV2')) return null;
  const days = (now.getTime() - incident.resolvedAt.getTime()) / 86_400_000;
  if (!postmortem) return days > 3 ? 'no-draft' : null;
  if (postmortem.status !== 'published' && days > 5) return 'unpublished';
  return null;
}

/** An action item is overdue when its due date has passed and it is still open. */
export function actionItemOverdue(item: { dueDate: string | null; status: string }, now: Date): boolean {
  if (!item.dueDate || item.status === 'done' || item.status === 'wont_do') return false;
  return item.dueDate < now.toISOString().slice(0, 10);
}

/** Completion rate per month of due date: done ÷ (items due that month). */
export function completionByMonth(
  items: { dueDate: string | null; status: string }[],
): { month: string; due: number; done: number; rate: number | null }[] {
  const by = new Map<string, { due: number; done: number }>();
  for (const i of items) {
    if (!i.dueDate || i.status === 'wont_do') continue;
    const m = i.dueDate.slice(0, 7);
    const e = by.get(m) ?? { due: 0, done: 0 };
    e.due += 1;
    if (i.status === 'done') e.done += 1;
    by.set(m, e);
  }
  return [...by.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, e]) => ({ month, ...e, rate: e.due ? e.done / e.due : null }));
}
