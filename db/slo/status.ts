import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { evaluationInstants } from '@/db/interop/evaluation';
import { queryRows } from '@/db/platform/sql';
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
import { SumPlan } from './sli-sums';
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

/**
 * Subtracts each range's overlap with its SLO's corrections from its aggregate (in place).
 * The ranges are those computeSloStatuses planned: SLO i owns [first[i], first[i + 1]), each
 * from starts[r] to the end of the SLO's window.
 */
async function subtractCorrections(
  db: Executor,
  rows: SloRow[],
  ranges: ReturnType<typeof windowRange>[],
  first: number[],
  starts: number[],
  corrections: Map<string, TimeRange[]>,
  aggregates: SliAggregate[],
) {
  const plan = new SumPlan();
  const target: number[] = [];
  for (const [i, row] of rows.entries()) {
    const merged = corrections.get(row.id);
    if (!merged) continue;
    const range = ranges[i];
    const end = range.end.getTime();
    const last = i + 1 < rows.length ? first[i + 1] : aggregates.length;
    for (let r = first[i]; r < last; r++) {
      for (const c of merged) {
        const a = Math.max(c.start.getTime(), starts[r]);
        const b = Math.min(c.end.getTime(), end);
        if (b > a) {
          plan.range(row.id).add(a, b);
          target.push(r);
        }
      }
    }
  }
  if (target.length === 0) return;
  const parts = await plan.sum(db);
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
  const ranges = rows.map((r) => windowRange(windowOf(r), instants.get(r.id) ?? now));
  // Per SLO, in this order: the window, the lookbacks, the alert windows (first = index of its window).
  const plan = new SumPlan();
  const first: number[] = new Array(rows.length);
  const starts: number[] = [];
  let earliest = Number.POSITIVE_INFINITY;
  let latest = Number.NEGATIVE_INFINITY;
  for (const [i, r] of rows.entries()) {
    const range = ranges[i];
    const end = range.end.getTime();
    const add = (start: number) => {
      plan.range(r.id).add(start, end);
      starts.push(start);
      earliest = Math.min(earliest, start);
    };
    first[i] = starts.length;
    add(range.start.getTime());
    for (const lb of LOOKBACKS) add(end - lookbackMinutes(lb) * 60_000);
    // The alert windows scale with W (SPEC 2): burns are read over those exact windows.
    for (const minutes of alertWindowMinutes(nominalWindowDays(windowOf(r)))) add(end - minutes * 60_000);
    latest = Math.max(latest, range.periodEnd.getTime());
  }
  // The sums and the corrections in one round trip; sums are additive, so the corrected
  // minutes are then subtracted with a second (small) query only where a correction overlaps.
  const [correctionRows, aggregates] = await Promise.all([
    queryRows<{ slo_id: string; starts_at: string | Date; ends_at: string | Date }>(
      db,
      sql`select slo_id::text, starts_at, ends_at from slo_corrections
          where slo_id = any(${`{${rows.map((r) => r.id).join(',')}}`}::uuid[])
            and ends_at > ${new Date(earliest).toISOString()}::timestamptz
            and starts_at < ${new Date(latest).toISOString()}::timestamptz`,
    ),
    plan.sum(db),
  ]);
  const correctionsBySlo = new Map<string, TimeRange[]>();
  for (const c of correctionRows) {
    const list = correctionsBySlo.get(c.slo_id) ?? [];
    list.push({ start: new Date(c.starts_at), end: new Date(c.ends_at) });
    correctionsBySlo.set(c.slo_id, list);
  }
  if (correctionsBySlo.size > 0) {
    const merged = new Map([...correctionsBySlo].map(([id, list]) => [id, mergeIntervals(list)]));
    await subtractCorrections(db, rows, ranges, first, starts, merged, aggregates);
  }

  return rows.map((slo, i) => {
    const window = windowOf(slo);
    const range = ranges[i];
    const method = slo.budgetingMethod as BudgetingMethod;
    const corrections = correctionsBySlo.get(slo.id) ?? [];
    let next = first[i];
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
    const burns = new Map<number, number | null>();
    const events = new Map<number, number>();
    for (const minutes of alertWindowMinutes(alertWindowDays)) {
      const agg = aggregates[next++] ?? EMPTY;
      burns.set(minutes, burnOfAggregate(method, slo.target, agg));
      events.set(minutes, eventsOf(agg));
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
