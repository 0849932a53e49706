// Budgets of many SLOs over one fixed period (a report month), with the budget remaining at the
// end of each day for the burndown. The same sums (aggregateRanges) and formulas (computeBudget)
// as the SLO pages, so a calendar-month SLO reads the same number here and on its page.

import { and, gt, inArray, lt } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { sloCorrections } from '@/db/schema';
import { type BudgetSummary, computeBudget, EMPTY_AGGREGATE, type SliAggregate } from '@/lib/slo/budget';
import { overlapMinutes } from '@/lib/slo/corrections';
import type { BudgetingMethod } from '@/lib/slo/definition';
import { floorMinute } from '@/lib/slo/rollup-plan';
import type { TimeRange } from '@/lib/slo/windows';
import { aggregateKey, aggregateRanges, type RangeRequest } from './sli-sums';

const DAY_MS = 86_400_000;

export interface PeriodSlo {
  id: string;
  target: number;
  budgetingMethod: string;
}

export interface PeriodBudget {
  sloId: string;
  aggregate: SliAggregate;
  budget: BudgetSummary;
  correctedMinutes: number;
  corrections: Array<TimeRange & { reason: string }>;
  /** Remaining budget at the end of each day measured so far (null while unknown). */
  burndown: Array<number | null>;
}

function add(a: SliAggregate, b: SliAggregate): SliAggregate {
  return {
    good: a.good + b.good,
    total: a.total + b.total,
    minutesWithData: a.minutesWithData + b.minutesWithData,
    badMinutes: a.badMinutes + b.badMinutes,
    ratioSum: a.ratioSum + b.ratioSum,
  };
}

/**
 * The period [start, end) is measured up to `now` (minute-aligned like the SLO pages); the budget
 * is sized on the whole period, and corrections are excluded from every sum (SPEC 2).
 */
export async function computePeriodBudgets(
  db: Executor,
  slos: PeriodSlo[],
  period: TimeRange,
  now = new Date(),
): Promise<Map<string, PeriodBudget>> {
  const out = new Map<string, PeriodBudget>();
  if (slos.length === 0) return out;
  const measuredEnd = new Date(Math.min(period.end.getTime(), floorMinute(now).getTime() + 60_000));
  const fullLengthMinutes = (period.end.getTime() - period.start.getTime()) / 60_000;
  const correctionRows = await db
    .select({
      sloId: sloCorrections.sloId,
      start: sloCorrections.startsAt,
      end: sloCorrections.endsAt,
      reason: sloCorrections.reason,
    })
    .from(sloCorrections)
    .where(
      and(
        inArray(
          sloCorrections.sloId,
          slos.map((s) => s.id),
        ),
        gt(sloCorrections.endsAt, period.start),
        lt(sloCorrections.startsAt, period.end),
      ),
    );
  const corrections = new Map<string, PeriodBudget['corrections']>();
  for (const c of correctionRows)
    corrections.set(c.sloId, [
      ...(corrections.get(c.sloId) ?? []),
      { start: c.start, end: c.end, reason: c.reason },
    ]);

  // One range per day: sums are additive, so the month and every burndown point come from them.
  const days: TimeRange[] = [];
  for (let t = period.start.getTime(); t < measuredEnd.getTime(); ) {
    const next = Math.min(t + DAY_MS, measuredEnd.getTime());
    days.push({ start: new Date(t), end: new Date(next) });
    t = next;
  }
  const requests: RangeRequest[] = [];
  for (const slo of slos) {
    const exclude = corrections.get(slo.id) ?? [];
    for (const [i, day] of days.entries()) requests.push({ sloId: slo.id, key: `d${i}`, ...day, exclude });
  }
  const sums = await aggregateRanges(db, requests);

  for (const slo of slos) {
    const sloCorrectionsInPeriod = corrections.get(slo.id) ?? [];
    const correctedMinutes = overlapMinutes(sloCorrectionsInPeriod, period.start, period.end);
    const budgetOf = (agg: SliAggregate) =>
      computeBudget({
        method: slo.budgetingMethod as BudgetingMethod,
        target: Number(slo.target),
        agg,
        windowMinutes: fullLengthMinutes,
        correctedMinutes,
      });
    let running = EMPTY_AGGREGATE;
    const burndown: Array<number | null> = [];
    days.forEach((_, i) => {
      running = add(running, sums.get(aggregateKey(slo.id, `d${i}`)) ?? EMPTY_AGGREGATE);
      burndown.push(budgetOf(running).remaining);
    });
    out.set(slo.id, {
      sloId: slo.id,
      aggregate: running,
      budget: budgetOf(running),
      correctedMinutes,
      corrections: sloCorrectionsInPeriod,
      burndown,
    });
  }
  return out;
}
