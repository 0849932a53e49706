import { and, gt, inArray, lt } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { evaluationInstants } from '@/db/interop/evaluation';
import { sloCorrections } from '@/db/schema';
import {
  type AlertEvaluation,
  alertWindowMinutes,
  evaluateAlerts,
  nominalWindowDays,
  pagingBurn,
} from '@/lib/slo/alerts';
import { type BudgetSummary, computeBudget, type SliAggregate } from '@/lib/slo/budget';
import {
  burnOfAggregate,
  LOOKBACKS,
  type Lookback,
  lookbackMinutes,
  timeToExhaustionMinutes,
} from '@/lib/slo/burn';
import { mergeIntervals, overlapMinutes } from '@/lib/slo/corrections';
import type { BudgetingMethod, SloWindow } from '@/lib/slo/definition';
import { exhaustionHorizonMinutes, exhaustsBeyondWindow } from '@/lib/slo/explain';
import {
  type ChangeKind,
  type FastBurn,
  type GateDecision,
  gateDecision,
  type Policy,
  type SloStatus,
  statusFor,
} from '@/lib/slo/policy';
import { floorMinute } from '@/lib/slo/rollup-plan';
import { calendarPeriod, currentWindow, type TimeRange } from '@/lib/slo/windows';
import { describeWindow, windowOf } from '@/lib/validation/slo';
import { aggregateRangesInOrder, type RangeRequest } from './sli-sums';
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
  /** W in days as the alert windows scale (calendar week 7, month 30, quarter 90). */
  alertWindowDays: number;
  alerts: AlertEvaluation[];
  firing: AlertEvaluation[];
  /** The highest long-window burn of a firing page alert (badge: "Healthy · burning 30×"); null when none pages. */
  pagingBurn: number | null;
  status: SloStatus;
  timeToExhaustionMinutes: number | null;
  /** The budget would last past the end of the window: show "not within this window", not a countdown. */
  exhaustsBeyondWindow: boolean;
  gate: Record<ChangeKind, GateDecision>;
}

/** Subtracts each request's overlap with its SLO's corrections from its aggregate (in place). */
async function subtractCorrections(
  db: Executor,
  requests: RangeRequest[],
  corrections: Map<string, TimeRange[]>,
  aggregates: SliAggregate[],
) {
  const overlaps: RangeRequest[] = [];
  const target: number[] = [];
  for (const [index, r] of requests.entries()) {
    const merged = corrections.get(r.sloId);
    if (!merged) continue;
    for (const c of merged) {
      const start = new Date(Math.max(c.start.getTime(), r.start.getTime()));
      const end = new Date(Math.min(c.end.getTime(), r.end.getTime()));
      if (end > start) {
        overlaps.push({ sloId: r.sloId, key: r.key, start, end });
        target.push(index);
      }
    }
  }
  if (overlaps.length === 0) return;
  const parts = await aggregateRangesInOrder(db, overlaps);
  for (const [i, part] of parts.entries()) {
    const agg = aggregates[target[i]];
    aggregates[target[i]] = {
      good: agg.good - part.good,
      total: agg.total - part.total,
      minutesWithData: agg.minutesWithData - part.minutesWithData,
      badMinutes: agg.badMinutes - part.badMinutes,
      ratioSum: agg.ratioSum - part.ratioSum,
    };
  }
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
  // Per SLO, in this order: the window, the lookbacks, the alert windows.
  const requests: RangeRequest[] = [];
  const firstRequest = new Map<string, number>();
  for (const r of rows) {
    const range = ranges.get(r.id) as ReturnType<typeof windowRange>;
    firstRequest.set(r.id, requests.length);
    requests.push({ sloId: r.id, key: 'window', start: range.start, end: range.end });
    for (const lb of LOOKBACKS) {
      requests.push({
        sloId: r.id,
        key: lb,
        start: new Date(range.end.getTime() - lookbackMinutes(lb) * 60_000),
        end: range.end,
      });
    }
    // The alert windows scale with W (SPEC 2): burns are read over those exact windows.
    for (const minutes of alertWindowMinutes(nominalWindowDays(windowOf(r)))) {
      requests.push({
        sloId: r.id,
        key: `aw${minutes}`,
        start: new Date(range.end.getTime() - minutes * 60_000),
        end: range.end,
      });
    }
  }
  // The sums and the corrections in one round trip; sums are additive, so the corrected
  // minutes are then subtracted with a second (small) query only where a correction overlaps.
  const earliest = new Date(Math.min(...requests.map((r) => r.start.getTime())));
  const latest = new Date(Math.max(...[...ranges.values()].map((r) => r.periodEnd.getTime())));
  const [correctionRows, aggregates] = await Promise.all([
    db
      .select({ sloId: sloCorrections.sloId, start: sloCorrections.startsAt, end: sloCorrections.endsAt })
      .from(sloCorrections)
      .where(
        and(
          inArray(
            sloCorrections.sloId,
            rows.map((r) => r.id),
          ),
          gt(sloCorrections.endsAt, earliest),
          lt(sloCorrections.startsAt, latest),
        ),
      ),
    aggregateRangesInOrder(db, requests),
  ]);
  const correctionsBySlo = new Map<string, TimeRange[]>();
  for (const c of correctionRows)
    correctionsBySlo.set(c.sloId, [...(correctionsBySlo.get(c.sloId) ?? []), { start: c.start, end: c.end }]);
  if (correctionsBySlo.size > 0) {
    const merged = new Map([...correctionsBySlo].map(([id, list]) => [id, mergeIntervals(list)]));
    await subtractCorrections(db, requests, merged, aggregates);
  }

  return rows.map((slo) => {
    const window = windowOf(slo);
    const range = ranges.get(slo.id) as ReturnType<typeof windowRange>;
    const method = slo.budgetingMethod as BudgetingMethod;
    const corrections = correctionsBySlo.get(slo.id) ?? [];
    let next = firstRequest.get(slo.id) as number;
    const aggregate = aggregates[next++] ?? EMPTY;
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
    const eventsOf = (agg: SliAggregate) => (method === 'occurrences' ? agg.total : agg.minutesWithData);
    for (const lb of LOOKBACKS) {
      const agg = aggregates[next++] ?? EMPTY;
      burnRates[lb] = burnOfAggregate(method, slo.target, agg);
      eventsByLookback[lb] = eventsOf(agg);
    }
    const alertWindowDays = nominalWindowDays(window);
    const burns: Record<number, number | null> = {};
    const events: Record<number, number> = {};
    for (const minutes of alertWindowMinutes(alertWindowDays)) {
      const agg = aggregates[next++] ?? EMPTY;
      burns[minutes] = burnOfAggregate(method, slo.target, agg);
      events[minutes] = eventsOf(agg);
    }
    const alerts = evaluateAlerts({
      windowDays: alertWindowDays,
      windowMinutes: range.fullLengthMinutes,
      burns,
      events,
      minEvents: slo.alertMinEvents,
      remaining: budget.remaining,
    });
    const firing = alerts.filter((a) => a.firing);
    const paging = pagingBurn(alerts);
    const fastBurn: FastBurn | null =
      paging === null
        ? null
        : { tier: Math.min(...firing.filter((a) => a.severity === 'page').map((a) => a.tier)), burn: paging };
    const status = statusFor(budget.remaining, policy);
    const gate = {} as Record<ChangeKind, GateDecision>;
    for (const change of ['feature', 'fix', 'emergency'] as const)
      gate[change] = gateDecision(status, change, policy, budget.remaining, fastBurn);
    const ttx = timeToExhaustionMinutes(budget.remaining, range.fullLengthMinutes, burnRates['1h']);
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
      alertWindowDays,
      alerts,
      firing,
      pagingBurn: paging,
      status,
      timeToExhaustionMinutes: ttx,
      exhaustsBeyondWindow: exhaustsBeyondWindow(
        ttx,
        exhaustionHorizonMinutes(window, now, range.periodEnd, range.fullLengthMinutes),
      ),
      gate,
    };
  });
}
