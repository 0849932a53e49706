// Burn rates and time to exhaustion (SPEC 2).

import { budgetFraction, errorRatioOf, type SliAggregate } from './budget';
import type { BudgetingMethod } from './definition';

/** The lookbacks the multi-window alerts read (SPEC 2 table), shortest first. */
export const LOOKBACKS = ['5m', '30m', '1h', '2h', '6h', '1d', '3d'] as const;
export type Lookback = (typeof LOOKBACKS)[number];

const LOOKBACK_MINUTES: Record<Lookback, number> = {
  '5m': 5,
  '30m': 30,
  '1h': 60,
  '2h': 120,
  '6h': 360,
  '1d': 1440,
  '3d': 4320,
};

export function lookbackMinutes(lookback: Lookback): number {
  return LOOKBACK_MINUTES[lookback];
}

export function isLookback(value: string): value is Lookback {
  return (LOOKBACKS as readonly string[]).includes(value);
}

/** br(w) = e(w) ÷ B: 1 spends the budget exactly over the window. Null without data. */
export function burnRate(errorRatio: number | null, target: number): number | null {
  const budget = budgetFraction(target);
  if (errorRatio === null || !Number.isFinite(errorRatio) || budget <= 0) return null;
  return errorRatio / budget;
}

/**
 * Minutes until the budget is gone at the current burn: r × W ÷ br(1h).
 * 0 when already spent; null (never) when nothing burns or r is unknown.
 */
export function timeToExhaustionMinutes(
  remaining: number | null,
  windowMinutes: number,
  burnRate1h: number | null,
): number | null {
  if (remaining === null) return null;
  if (remaining <= 0) return 0;
  if (burnRate1h === null || burnRate1h <= 0) return null;
  return (remaining * windowMinutes) / burnRate1h;
}

/** Burn rate of an aggregate (a lookback, an alert window, a chart bucket); null without data. */
export function burnOfAggregate(
  method: BudgetingMethod,
  target: number,
  agg: SliAggregate | undefined,
): number | null {
  return agg ? burnRate(errorRatioOf(method, agg), target) : null;
}
