// The monthly SLA report (SPEC 1.7), assembled from the other modules' own computations:
// SLO budgets through computePeriodBudgets (the SLO pages' sums and formulas), toil through
// loadToilReport, incidents and capacity through their modules' queries.

import type { Executor } from '@/db/client';
import { getPolicy, getSetting } from '@/db/platform/settings';
import { computePeriodBudgets, type PeriodBudget } from '@/db/slo/period-budgets';
import { listSloRows, type SloRow } from '@/db/slo/slos';
import { loadToilReport } from '@/db/toil/report';
import { ValidationError } from '@/lib/errors';
import { creditFor } from '@/lib/reports/credits';
import { monthLabel, parseMonthKey, type ReportMonth, shiftMonth } from '@/lib/reports/month';
import { decisionsNeeded, executiveSummary, overallRag, ragOf } from '@/lib/reports/summary';
import type { MonthlyReport, SlaReportRow, SloReportRow } from '@/lib/reports/types';
import { statusFor } from '@/lib/slo/policy';
import { isValidTimeZone, monthRange, type TimeRange } from '@/lib/slo/windows';
import { loadCapacitySection, loadFollowUpSection, loadIncidentSection } from './sections';
import { listSlas, type SlaWithSlos } from './slas';

export const REPORT_TIMEZONE_KEY = 'reports.timezone';

export async function reportTimezone(db: Executor): Promise<string> {
  const tz = await getSetting<string>(db, REPORT_TIMEZONE_KEY, 'UTC');
  return typeof tz === 'string' && isValidTimeZone(tz) ? tz : 'UTC';
}

/** Validates a month from a URL: a real `YYYY-MM` that has started. */
export function reportMonthOf(key: string, range: (m: ReportMonth) => TimeRange, now: Date): ReportMonth {
  const month = parseMonthKey(key);
  if (!month) throw new ValidationError('Invalid month', { month: ['Expected a month such as 2026-11'] });
  if (range(month).start.getTime() > now.getTime())
    throw new ValidationError('Month not started', { month: ['This month has not started yet'] });
  return month;
}

const attainmentOfSla = (sla: SlaWithSlos, budgets: Map<string, PeriodBudget>): number | null => {
  const values = sla.sloIds
    .map((id) => budgets.get(id)?.budget.attainment)
    .filter((a): a is number => a !== null && a !== undefined);
  return values.length ? Math.min(...values) : null;
};

/** Computes the report from live data (no snapshot involved). */
export async function computeMonthlyReport(
  db: Executor,
  key: string,
  now = new Date(),
): Promise<MonthlyReport> {
  const timezone = await reportTimezone(db);
  const rangeOf = (m: ReportMonth) => monthRange(m.key, timezone);
  const month = reportMonthOf(key, rangeOf, now);
  const range = rangeOf(month);
  const previous = shiftMonth(month, -1);
  const closed = range.end.getTime() <= now.getTime();

  const [sloRows, slaRows, policy] = await Promise.all([listSloRows(db), listSlas(db), getPolicy(db)]);
  const periodSlos = sloRows.map((s) => ({
    id: s.id,
    target: Number(s.target),
    budgetingMethod: s.budgetingMethod,
  }));
  const measuredSlaSloIds = new Set(slaRows.flatMap((s) => s.sloIds));
  const [budgets, previousBudgets] = await Promise.all([
    computePeriodBudgets(db, periodSlos, range, now),
    computePeriodBudgets(
      db,
      periodSlos.filter((s) => measuredSlaSloIds.has(s.id)),
      rangeOf(previous),
      now,
    ),
  ]);

  const sloById = new Map(sloRows.map((s) => [s.id, s]));
  const slos: SloReportRow[] = sloRows
    .map((s) => sloReportRow(s, budgets.get(s.id) as PeriodBudget, policy))
    .sort(
      (a, b) =>
        (a.budgetRemaining ?? Number.POSITIVE_INFINITY) - (b.budgetRemaining ?? Number.POSITIVE_INFINITY),
    );
  const sloRowById = new Map(slos.map((s) => [s.sloId, s]));

  const slas: SlaReportRow[] = slaRows.map((sla) => {
    const attainment = attainmentOfSla(sla, budgets);
    const previousAttainment = attainmentOfSla(sla, previousBudgets);
    const met = attainment === null ? null : attainment >= sla.target;
    const measuring = sla.sloIds.map((id) => sloRowById.get(id)).filter((s): s is SloReportRow => !!s);
    const used = measuring
      .map((s) => (s.budgetRemaining === null ? null : 1 - s.budgetRemaining))
      .filter((u): u is number => u !== null);
    return {
      slaId: sla.id,
      name: sla.name,
      serviceSlug: sla.serviceSlug,
      serviceName: sla.serviceName,
      target: sla.target,
      attainment,
      met,
      creditPercent: creditFor(attainment, sla.creditTiers),
      creditTiers: sla.creditTiers,
      budgetUsed: used.length ? Math.max(...used) : null,
      previousAttainment,
      changePoints:
        attainment !== null && previousAttainment !== null ? (attainment - previousAttainment) * 100 : null,
      rag: ragOf(met, measuring),
      sloSlugs: sla.sloIds.map((id) => sloById.get(id)?.slug ?? '').filter(Boolean),
    };
  });

  const lastDay = new Date(Math.min(range.end.getTime(), now.getTime()) - 1);
  const dayInZone = (d: Date) => d.toLocaleDateString('en-CA', { timeZone: timezone });
  const [toilReport, incidents, followUps, capacity] = await Promise.all([
    loadToilReport(db, { range: { from: dayInZone(range.start), to: dayInZone(lastDay) } }),
    loadIncidentSection(db, month, rangeOf),
    loadFollowUpSection(db, range, now),
    loadCapacitySection(db, now),
  ]);
  const toil = {
    cap: toilReport.cap,
    teams: toilReport.teams.map((t) => ({ team: t.name, toilShare: t.fraction, overCap: t.overCap })),
  };

  const corrections = sloRows.flatMap((s) =>
    (budgets.get(s.id)?.corrections ?? []).map((c) => ({
      slo: s.name,
      start: c.start.toISOString(),
      end: c.end.toISOString(),
      minutes: Math.round(
        (Math.min(c.end.getTime(), range.end.getTime()) -
          Math.max(c.start.getTime(), range.start.getTime())) /
          60_000,
      ),
      reason: c.reason,
    })),
  );

  const label = monthLabel(month);
  const base = { label, closed, slas, slos, incidents, toil };
  return {
    month: month.key,
    label,
    timezone,
    start: range.start.toISOString(),
    end: range.end.toISOString(),
    closed,
    generatedAt: now.toISOString(),
    restatements: [],
    summary: executiveSummary(base),
    decisions: decisionsNeeded(base),
    rag: overallRag(slas),
    slas,
    slos,
    incidents,
    followUps,
    toil,
    capacity,
    corrections,
  };
}

function sloReportRow(
  s: SloRow,
  b: PeriodBudget,
  policy: Awaited<ReturnType<typeof getPolicy>>,
): SloReportRow {
  return {
    sloId: s.id,
    slug: s.slug,
    name: s.name,
    serviceName: s.serviceName,
    target: Number(s.target),
    budgetingMethod: s.budgetingMethod,
    attainment: b.budget.attainment,
    budgetRemaining: b.budget.remaining,
    budgetTotal: b.budget.budgetTotal,
    budgetConsumed: b.budget.budgetConsumed,
    unit: b.budget.unit,
    status: b.aggregate.total === 0 ? 'unknown' : statusFor(b.budget.remaining, policy),
    correctedMinutes: b.correctedMinutes,
    burndown: b.burndown,
  };
}
