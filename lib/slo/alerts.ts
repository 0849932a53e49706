// Multi-window, multi-burn-rate alerts (SPEC 2; the SRE Workbook and Sloth).

import { type Lookback, lookbackMinutes, timeToExhaustionMinutes } from './burn';

export type AlertSeverity = 'page' | 'ticket';

export type AlertTier = {
  tier: 1 | 2 | 3 | 4;
  severity: AlertSeverity;
  /** Share of the whole window's budget the long window may spend before the alert fires. */
  budgetShare: number;
  long: Lookback;
  short: Lookback;
};

export const ALERT_TIERS: readonly AlertTier[] = [
  { tier: 1, severity: 'page', budgetShare: 0.02, long: '1h', short: '5m' },
  { tier: 2, severity: 'page', budgetShare: 0.05, long: '6h', short: '30m' },
  { tier: 3, severity: 'ticket', budgetShare: 0.1, long: '1d', short: '2h' },
  { tier: 4, severity: 'ticket', budgetShare: 0.1, long: '3d', short: '6h' },
];

/**
 * factor = budget share × window hours ÷ long window hours (14.4 / 6 / 3 / 1
 * at 30 days). Rounded to 9 decimals so that a burn of exactly 14.4 is not
 * "above" a factor of 14.399999999999999.
 */
export function alertFactor(tier: Pick<AlertTier, 'budgetShare' | 'long'>, windowMinutes: number): number {
  const factor = (tier.budgetShare * windowMinutes) / lookbackMinutes(tier.long);
  return Math.round(factor * 1e9) / 1e9;
}

export type AlertEvaluation = AlertTier & {
  factor: number;
  longBurn: number | null;
  shortBurn: number | null;
  firing: boolean;
  /** Both windows burn above the factor, but the long window saw fewer than minEvents events. */
  suppressed: boolean;
  /** At this tier's long-window burn (tier 1 gives SPEC 2's r × W ÷ br(1h)); null = never. */
  timeToExhaustionMinutes: number | null;
};

export type EvaluateAlertsArgs = {
  windowMinutes: number;
  burnRates: Record<Lookback, number | null>;
  /** Events seen in each lookback; without it, low traffic cannot be proven and nothing is suppressed. */
  longWindowEvents?: Partial<Record<Lookback, number>>;
  minEvents: number | null;
  remaining: number | null;
};

function burnsAbove(burn: number | null, factor: number): boolean {
  return burn !== null && burn > factor;
}

/** One row per tier; an alert fires only when BOTH its windows burn strictly above the factor. */
export function evaluateAlerts({
  windowMinutes,
  burnRates,
  longWindowEvents,
  minEvents,
  remaining,
}: EvaluateAlertsArgs): AlertEvaluation[] {
  return ALERT_TIERS.map((tier) => {
    const factor = alertFactor(tier, windowMinutes);
    const longBurn = burnRates[tier.long] ?? null;
    const shortBurn = burnRates[tier.short] ?? null;
    const burning = burnsAbove(longBurn, factor) && burnsAbove(shortBurn, factor);
    const longEvents = longWindowEvents?.[tier.long];
    const lowTraffic = minEvents !== null && longEvents !== undefined && longEvents < minEvents;
    return {
      ...tier,
      factor,
      longBurn,
      shortBurn,
      firing: burning && !lowTraffic,
      suppressed: burning && lowTraffic,
      timeToExhaustionMinutes: timeToExhaustionMinutes(remaining, windowMinutes, longBurn),
    };
  });
}
