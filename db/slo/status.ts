import { and, gt, inArray, lt } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { evaluationInstants } from '@/db/interop/evaluation';
import { sloCorrections } from '@/db/schema';
import { type AlertEvaluation, evaluateAlerts } from '@/lib/slo/alerts';
import { type BudgetSummary, computeBudget, errorRatioOf, type SliAggregate } from '@/lib/slo/budget';
import { burnRate, LOOKBACKS, type Lookback, lookbackMinutes, timeToExhaustionMinutes } from '@/lib/slo/burn';
import { overlapMinutes } from '@/lib/slo/corrections';
import type { BudgetingMethod, SloWindow } from '@/lib/slo/definition';
import {
  type ChangeKind,
  type GateDecision,
  gateDecision,
  type Policy,
  type SloStatus,
  statusFor,
} from '@/lib/slo/policy';
import { floorMinute } from '@/lib/slo/rollup-plan';
import { calendarPeriod, currentWindow, type TimeRange } from '@/lib/slo/windows';
import { describeWindow, windowOf } from '@/lib/validation/slo';
import { aggregateKey, aggregateRanges, type RangeRequest } from './sli-sums';
import type { SloRow } from './slos';

const EMPTY: SliAggregate = { good: 0, total: 0, minutesWithData: 0, badMinutes: 0, ratioSum: 0 };

export interface SloStatusView {
  slo: SloRow;
  window: SloWindow;
  windowLabel: string;
  /** [start, end) measured so far; `periodEnd` is the end of the whole (calendar) period. */
  range: TimeRange & { periodEnd: Date; fullLengthMinutes: number };
  aggregate: SliAggregate;
  budget: BudgetSummary;
  correctedMinutes: number;
  corrections: TimeRange[];
  burnRates: Record<Lookback, number | null>;
  eventsByLookback: Record<Lookback, number>;
  alerts: AlertEvaluation[];
  firing: AlertEvaluation[];
  status: SloStatus;
  timeToExhaustionMinutes: number | null;
  gate: Record<ChangeKind, GateDecision>;
}

/** The window of an SLO as of `now`: rolling [now − W, now), calendar [period start, now). Minute-aligned. */
export function windowRange(window: SloWindow, now: Date) {
  const end = new Date(floorMinute(now).getTime() + 60_000);
  const cw = currentWindow(window, end);
  const period = calendarPeriod(window, end);
  const periodEnd = window.type === 'calendar' ? period.end : end;
  return { start: cw.start, end, periodEnd, fullLengthMinutes: cw.fullLengthMinutes };
}

/**
 * Every number the overview, the detail page, the API and the gate show for a
 * set of SLOs (SPEC 2), from one aggregate query. SQL sums; lib/slo computes.
 */
export async function computeSloStatuses(
  db: Executor,
  rows: SloRow[],
  policy: Policy,
  now = new Date(),
): Promise<SloStatusView[]> {
  if (rows.length === 0) return [];
  // A Prometheus SLO is evaluated where its synced data ends (its range ends at synced_until).
  const instants = await evaluationInstants(db, rows, now);
  const ranges = new Map(rows.map((r) => [r.id, windowRange(windowOf(r), instants.get(r.id) ?? now)]));
  const earliest = new Date(
    Math.min(
      ...[...ranges.values()].map((r) => Math.min(r.start.getTime(), r.end.getTime() - 3 * 86_400_000)),
    ),
  );
  const correctionRows = await db
    .select({ sloId: sloCorrections.sloId, start: sloCorrections.startsAt, end: sloCorrections.endsAt })
    .from(sloCorrections)
    .where(
      and(
        inArray(
          sloCorrections.sloId,
          rows.map((r) => r.id),
        ),
        gt(sloCorrections.endsAt, earliest),
        lt(
          sloCorrections.startsAt,
          new Date(Math.max(...[...ranges.values()].map((r) => r.periodEnd.getTime()))),
        ),
      ),
    );
  const correctionsBySlo = new Map<string, TimeRange[]>();
  for (const c of correctionRows)
    correctionsBySlo.set(c.sloId, [...(correctionsBySlo.get(c.sloId) ?? []), { start: c.start, end: c.end }]);

  const requests: RangeRequest[] = [];
  for (const r of rows) {
    const range = ranges.get(r.id) as ReturnType<typeof windowRange>;
    const exclude = correctionsBySlo.get(r.id) ?? [];
    requests.push({ sloId: r.id, key: 'window', start: range.start, end: range.end, exclude });
    for (const lb of LOOKBACKS) {
      requests.push({
        sloId: r.id,
        key: lb,
        start: new Date(range.end.getTime() - lookbackMinutes(lb) * 60_000),
        end: range.end,
        exclude,
      });
    }
  }
  const aggregates = await aggregateRanges(db, requests);

  return rows.map((slo) => {
    const window = windowOf(slo);
    const range = ranges.get(slo.id) as ReturnType<typeof windowRange>;
    const method = slo.budgetingMethod as BudgetingMethod;
    const corrections = correctionsBySlo.get(slo.id) ?? [];
    const aggregate = aggregates.get(aggregateKey(slo.id, 'window')) ?? EMPTY;
    // A calendar budget is sized on the whole period, so corrections are measured over it too.
    const correctedMinutes = overlapMinutes(corrections, range.start, range.periodEnd);
    const budget = computeBudget({
      method,
      target: slo.target,
      agg: aggregate,
      windowMinutes: range.fullLengthMinutes,
      correctedMinutes,
    });
    const burnRates = {} as Record<Lookback, number | null>;
    const eventsByLookback = {} as Record<Lookback, number>;
    for (const lb of LOOKBACKS) {
      const agg = aggregates.get(aggregateKey(slo.id, lb)) ?? EMPTY;
      burnRates[lb] = burnRate(errorRatioOf(method, agg), slo.target);
      eventsByLookback[lb] = method === 'occurrences' ? agg.total : agg.minutesWithData;
    }
    const alerts = evaluateAlerts({
      windowMinutes: range.fullLengthMinutes,
      burnRates,
      longWindowEvents: eventsByLookback,
      minEvents: slo.alertMinEvents,
      remaining: budget.remaining,
    });
    const status = statusFor(budget.remaining, policy);
    const gate = {} as Record<ChangeKind, GateDecision>;
    for (const change of ['feature', 'fix', 'emergency'] as const)
      gate[change] = gateDecision(status, change, policy, budget.remaining);
    return {
      slo,
      window,
      windowLabel: describeWindow(window),
      range,
      aggregate,
      budget,
      correctedMinutes,
      corrections,
      burnRates,
      eventsByLookback,
      alerts,
      firing: alerts.filter((a) => a.firing),
      status,
      timeToExhaustionMinutes: timeToExhaustionMinutes(
        budget.remaining,
        range.fullLengthMinutes,
        burnRates['1h'],
      ),
      gate,
    };
  });
}
