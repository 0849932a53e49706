// The report's sections that read other modules (incidents, postmortems and action items,
// capacity). Each asks that module for its own numbers, so the report never recomputes them.

import { capacityOverview } from '@/db/capacity/forecasts';
import type { Executor } from '@/db/client';
import { listActionItems } from '@/db/incidents/action-items';
import { listIncidents } from '@/db/incidents/incidents';
import { listPostmortems } from '@/db/incidents/postmortems';
import { monthlyMttx } from '@/lib/incidents/metrics';
import { monthShortLabel, parseMonthKey, type ReportMonth, shiftMonth } from '@/lib/reports/month';
import type { CapacityRow, FollowUpSection, IncidentSection } from '@/lib/reports/types';
import type { TimeRange } from '@/lib/slo/windows';

const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'];

export async function loadIncidentSection(
  db: Executor,
  month: ReportMonth,
  rangeOf: (m: ReportMonth) => TimeRange,
): Promise<IncidentSection> {
  const range = rangeOf(month);
  const [inMonth, recent] = await Promise.all([
    listIncidents(db, { from: range.start, to: range.end, limit: 1000 }),
    listIncidents(db, { from: rangeOf(shiftMonth(month, -8)).start, to: range.end, limit: 1000 }),
  ]);
  const bySeverity = Object.fromEntries(
    SEVERITIES.map((s) => [s, inMonth.filter((i) => i.severity === s).length]),
  );
  const services = new Map<string, number>();
  for (const i of inMonth) for (const s of i.services) services.set(s, (services.get(s) ?? 0) + 1);
  // MTTx per month of resolution, as on the incidents page: this month and the six before it.
  const anchor = new Date(Date.UTC(month.year, month.month - 1, 15));
  const trend = monthlyMttx(recent, anchor, 7)
    .reverse()
    .map((m) => {
      const key = parseMonthKey(m.month);
      return {
        month: key ? monthShortLabel(key) : m.month,
        count: m.incidents,
        mttaMinutes: m.mtta,
        mttrMinutes: m.mttr,
      };
    });
  return {
    available: true,
    total: inMonth.length,
    bySeverity,
    byService: [...services.entries()]
      .map(([service, count]) => ({ service, count }))
      .sort((a, b) => b.count - a.count || a.service.localeCompare(b.service)),
    trend,
    notable: inMonth
      .filter((i) => i.severity === 'SEV1' || i.severity === 'SEV2')
      .map((i) => ({
        id: i.id,
        title: `INC-${i.number} ${i.title}`,
        severity: i.severity,
        status: i.status,
      })),
  };
}

export async function loadFollowUpSection(
  db: Executor,
  range: TimeRange,
  now: Date,
): Promise<FollowUpSection> {
  const [postmortems, items, overdue] = await Promise.all([
    listPostmortems(db, now),
    listActionItems(db, {}, now),
    listActionItems(db, { overdue: true }, now),
  ]);
  const inRange = (d: Date | null) => d !== null && d >= range.start && d < range.end;
  const due = postmortems.filter(
    (p) => (p.severity === 'SEV1' || p.severity === 'SEV2') && inRange(p.resolvedAt),
  );
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const dueItems = items.filter(
    (a) =>
      a.dueDate !== null &&
      a.dueDate >= day(range.start) &&
      a.dueDate < day(range.end) &&
      a.status !== 'wont_do',
  );
  return {
    available: true,
    postmortemsDue: due.length,
    postmortemsPublished: due.filter((p) => p.status === 'published').length,
    actionItemsTotal: dueItems.length,
    actionItemsDone: dueItems.filter((a) => a.status === 'done').length,
    actionItemsOverdue: overdue.length,
    overdue: overdue.slice(0, 10).map((a) => ({
      id: a.id,
      title: a.title,
      owner: a.owner,
      dueDate: a.dueDate,
      priority: a.priority,
    })),
  };
}

export async function loadCapacitySection(
  db: Executor,
  now: Date,
): Promise<{ available: boolean; resources: CapacityRow[] }> {
  const overview = await capacityOverview(db, now);
  return {
    available: true,
    resources: overview.slice(0, 5).map((f) => ({
      resource: f.resource.name,
      service: f.resource.serviceName ?? f.resource.serviceSlug,
      daysToExhaustion: f.chosen?.exhaustionUpper.days ?? null,
      orderBy: f.chosen?.exhaustionUpper.orderBy ?? null,
    })),
  };
}
