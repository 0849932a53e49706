// Error budget of one window (SPEC 2). SQL has already summed the per-minute
// samples (with corrected minutes left out); these are only the formulas.

import type { BudgetingMethod } from './definition';

/** Sums over the minutes of a window or lookback, as SQL aggregates them. */
export type SliAggregate = {
  /** Σ good events. */
  good: number;
  /** Σ total events. */
  total: number;
  /** Minutes that have a sample with total > 0. */
  minutesWithData: number;
  /** Minutes with data whose good ÷ total is below the timeslice target. */
  badMinutes: number;
  /** Σ good ÷ total over the minutes with data (ratio timeslices). */
  ratioSum: number;
};

export type BudgetSummary = {
  /** Share of good events / minutes; null when there is no data (never 100%). */
  attainment: number | null;
  /** 1 − attainment. */
  errorRatio: number | null;
  /** Fraction of the budget left, r = 1 − consumed ÷ budget; negative when overspent. */
  remaining: number | null;
  /** Budget in `unit`: B × Σtotal events, or B × window minutes. */
  budgetTotal: number;
  /** Bad events, or bad minutes (Σ(1 − good ÷ total) for ratio timeslices). */
  budgetConsumed: number;
  unit: 'events' | 'minutes';
};

export const EMPTY_AGGREGATE: SliAggregate = {
  good: 0,
  total: 0,
  minutesWithData: 0,
  badMinutes: 0,
  ratioSum: 0,
};

/**
 * B = 1 − T, rounded to 12 decimals so that 1 − 0.999 is exactly 0.001 and
 * the spec's figures (43.2 min, 14.4×) come out without float noise.
 */
export function budgetFraction(target: number): number {
  return Math.round((1 - target) * 1e12) / 1e12;
}

/** The error ratio e of any window or lookback (burn rates use it); null without data. */
export function errorRatioOf(method: BudgetingMethod, agg: SliAggregate): number | null {
  if (method === 'occurrences') {
    return agg.total > 0 ? (agg.total - agg.good) / agg.total : null;
  }
  if (agg.minutesWithData <= 0) return null;
  if (method === 'timeslices') return agg.badMinutes / agg.minutesWithData;
  return Math.max(0, 1 - agg.ratioSum / agg.minutesWithData);
}

/**
 * Budget units an aggregate consumes, as the method counts them: bad events
 * (occurrences), bad minutes (timeslices), or the bad share of each minute
 * summed (ratio timeslices). The budget, the burndown and the charts all use it.
 */
export function consumedUnits(method: BudgetingMethod, agg: SliAggregate): number {
  if (method === 'occurrences') return agg.total - agg.good;
  if (method === 'timeslices') return agg.badMinutes;
  return Math.max(0, agg.minutesWithData - agg.ratioSum);
}

function unknown(budgetTotal: number, budgetConsumed: number, unit: BudgetSummary['unit']): BudgetSummary {
  return { attainment: null, errorRatio: null, remaining: null, budgetTotal, budgetConsumed, unit };
}

export type ComputeBudgetArgs = {
  method: BudgetingMethod;
  /** T, e.g. 0.999. */
  target: number;
  agg: SliAggregate;
  /** W: the window's full length (a calendar period's whole length even mid-period). */
  windowMinutes: number;
  /** Minutes of W inside corrections, measured over the same span as W (see overlapMinutes). */
  correctedMinutes: number;
};

/**
 * Attainment and remaining budget of a window (SPEC 2). A window that is
 * entirely corrected, or has no data, is unknown: never 100%, never a
 * division by zero.
 */
export function computeBudget({
  method,
  target,
  agg,
  windowMinutes,
  correctedMinutes,
}: ComputeBudgetArgs): BudgetSummary {
  const budget = budgetFraction(target);
  const effectiveMinutes = Math.max(0, windowMinutes - Math.max(0, correctedMinutes));

  if (method === 'occurrences') {
    const budgetTotal = budget * agg.total;
    const consumed = consumedUnits(method, agg);
    const errorRatio = errorRatioOf(method, agg);
    if (errorRatio === null || effectiveMinutes <= 0) return unknown(budgetTotal, consumed, 'events');
    return {
      attainment: agg.good / agg.total,
      errorRatio,
      remaining: budget > 0 ? 1 - errorRatio / budget : null,
      budgetTotal,
      budgetConsumed: consumed,
      unit: 'events',
    };
  }

  const budgetTotal = budget * effectiveMinutes;
  const errorRatio = errorRatioOf(method, agg);
  if (errorRatio === null || effectiveMinutes <= 0) return unknown(budgetTotal, 0, 'minutes');
  const consumed = consumedUnits(method, agg);
  const attainment =
    method === 'timeslices'
      ? (agg.minutesWithData - agg.badMinutes) / agg.minutesWithData
      : Math.min(1, agg.ratioSum / agg.minutesWithData);
  return {
    attainment,
    errorRatio,
    remaining: budgetTotal > 0 ? 1 - consumed / budgetTotal : null,
    budgetTotal,
    budgetConsumed: consumed,
    unit: 'minutes',
  };
}
