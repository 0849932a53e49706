// Multi-window, multi-burn-rate alerts (SPEC 2; the SRE Workbook, with windows
// that scale with the SLO window as Pyrra's do).

import { type Lookback, lookbackMinutes, timeToExhaustionMinutes } from './burn';
import type { SloWindow } from './definition';

export type AlertSeverity = 'page' | 'ticket';

export type AlertTier = {
  tier: 1 | 2 | 3 | 4;
  severity: AlertSeverity;
  /** Share of the whole window's budget the long window may spend before the alert fires. */
  budgetShare: number;
  /** The Workbook's long and short windows for a 30-day SLO. */
  long: Lookback;
  short: Lookback;
  /** budget share × 30 d ÷ long window: the same for every window length. */
  factor: number;
};

/** The 30-day table of SPEC 2. Factors are constant: a scaled window keeps its factor. */
export const ALERT_TIERS: readonly AlertTier[] = [
  { tier: 1, severity: 'page', budgetShare: 0.02, long: '1h', short: '5m', factor: 14.4 },
  { tier: 2, severity: 'page', budgetShare: 0.05, long: '6h', short: '30m', factor: 6 },
  { tier: 3, severity: 'ticket', budgetShare: 0.1, long: '1d', short: '2h', factor: 3 },
  { tier: 4, severity: 'ticket', budgetShare: 0.1, long: '3d', short: '6h', factor: 1 },
];

/**
 * What an alert tier means, in words an on-call engineer reads at 3 a.m.: "Page (fast burn)" …
 * "Ticket (slow burn)". Never "T1", which reads like a service tier.
 */
export const ALERT_TIER_LABELS: Record<AlertTier['tier'], string> = {
  1: 'Page (fast burn)',
  2: 'Page (slow burn)',
  3: 'Ticket (fast burn)',
  4: 'Ticket (slow burn)',
};

/** The label of alert tier `tier`; an unknown tier falls back to its number and severity. */
export function alertTierLabel(tier: number, severity?: AlertSeverity): string {
  const known = ALERT_TIER_LABELS[tier as AlertTier['tier']];
  if (known) return known;
  return `${severity === 'page' ? 'Page' : severity === 'ticket' ? 'Ticket' : 'Alert'} (tier ${tier})`;
}

const TABLE_DAYS = 30;
const CALENDAR_DAYS = { week: 7, month: 30, quarter: 90 } as const;

/** W in days for scaling: rolling N days; calendar week 7, month 30, quarter 90 (SPEC 2). */
export function nominalWindowDays(window: SloWindow): number {
  return window.type === 'rolling' ? window.days : CALENDAR_DAYS[window.unit];
}

/** A 30-day table window scaled to W: × W ÷ 30 d, whole minutes, at least 1. */
export function scaleWindowMinutes(tableMinutes: number, windowDays: number): number {
  return Math.max(1, Math.round((tableMinutes * windowDays) / TABLE_DAYS));
}

/** Minutes as a Prometheus duration: 14m, 1h24m, 3h, 2d19h12m. */
export function formatWindow(minutes: number): string {
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  const out = `${d ? `${d}d` : ''}${h ? `${h}h` : ''}${m ? `${m}m` : ''}`;
  return out || '0m';
}

export type ScaledAlertTier = Omit<AlertTier, 'long' | 'short'> & {
  /** The scaled windows as durations (Prometheus syntax), e.g. '14m' and '1m' for a 7-day SLO. */
  long: string;
  short: string;
  longMinutes: number;
  shortMinutes: number;
};

const tiersByWindow = new Map<number, readonly ScaledAlertTier[]>();
const minutesByWindow = new Map<number, readonly number[]>();

/** The four tiers of an SLO whose window is `windowDays` long; at 30 days exactly the Workbook table. */
export function alertWindows(windowDays: number): readonly ScaledAlertTier[] {
  let tiers = tiersByWindow.get(windowDays);
  if (!tiers) {
    tiers = Object.freeze(scaleTiers(windowDays));
    tiersByWindow.set(windowDays, tiers);
  }
  return tiers;
}

function scaleTiers(windowDays: number): ScaledAlertTier[] {
  return ALERT_TIERS.map((t) => {
    const longMinutes = scaleWindowMinutes(lookbackMinutes(t.long), windowDays);
    const shortMinutes = scaleWindowMinutes(lookbackMinutes(t.short), windowDays);
    return {
      ...t,
      long: formatWindow(longMinutes),
      short: formatWindow(shortMinutes),
      longMinutes,
      shortMinutes,
    };
  });
}

/** Every distinct window (minutes) the alerts of a `windowDays` SLO read, shortest first. */
export function alertWindowMinutes(windowDays: number): readonly number[] {
  let minutes = minutesByWindow.get(windowDays);
  if (!minutes) {
    const all = alertWindows(windowDays).flatMap((t) => [t.longMinutes, t.shortMinutes]);
    minutes = Object.freeze([...new Set(all)].sort((a, b) => a - b));
    minutesByWindow.set(windowDays, minutes);
  }
  return minutes;
}

export type AlertEvaluation = ScaledAlertTier & {
  longBurn: number | null;
  shortBurn: number | null;
  firing: boolean;
  /** Both windows burn above the factor, but the long window saw fewer than minEvents events. */
  suppressed: boolean;
  /** At this tier's long-window burn, r × W ÷ br; null = never. */
  timeToExhaustionMinutes: number | null;
};

export type EvaluateAlertsArgs = {
  /** W in days as the alert windows scale (nominalWindowDays). */
  windowDays: number;
  /** The window's full length in minutes (time to exhaustion). */
  windowMinutes: number;
  /** Burn rate over each alert window, keyed by its length in minutes (a Map: keys up to 129,600 would make a plain object's elements sparse and slow). */
  burns: ReadonlyMap<number, number | null>;
  /** Events seen in each alert window; without it, low traffic cannot be proven and nothing is suppressed. */
  events?: ReadonlyMap<number, number>;
  minEvents: number | null;
  remaining: number | null;
};

function burnsAbove(burn: number | null, factor: number): boolean {
  return burn !== null && burn > factor;
}

/** The burn a tier evaluates: the lower of its two windows. Above the factor means firing. */
export function tierBurn(longBurn: number | null, shortBurn: number | null): number | null {
  if (longBurn === null || shortBurn === null) return null;
  return Math.min(longBurn, shortBurn);
}

/** One row per tier; an alert fires only when BOTH its scaled windows burn strictly above the factor. */
export function evaluateAlerts({
  windowDays,
  windowMinutes,
  burns,
  events,
  minEvents,
  remaining,
}: EvaluateAlertsArgs): AlertEvaluation[] {
  return alertWindows(windowDays).map((tier) => {
    const longBurn = burns.get(tier.longMinutes) ?? null;
    const shortBurn = burns.get(tier.shortMinutes) ?? null;
    const burning = burnsAbove(longBurn, tier.factor) && burnsAbove(shortBurn, tier.factor);
    const longEvents = events?.get(tier.longMinutes);
    const lowTraffic = minEvents !== null && longEvents !== undefined && longEvents < minEvents;
    // Spelled out, not `...tier`: a spread followed by new keys costs ~3 µs per object in V8,
    // and the overview evaluates four per SLO.
    return {
      tier: tier.tier,
      severity: tier.severity,
      budgetShare: tier.budgetShare,
      factor: tier.factor,
      long: tier.long,
      short: tier.short,
      longMinutes: tier.longMinutes,
      shortMinutes: tier.shortMinutes,
      longBurn,
      shortBurn,
      firing: burning && !lowTraffic,
      suppressed: burning && lowTraffic,
      timeToExhaustionMinutes: timeToExhaustionMinutes(remaining, windowMinutes, longBurn),
    };
  });
}

/** The state an alert tier is in, as the history records it. */
export type AlertState = 'firing' | 'resolved' | 'suppressed';

export function alertState(a: Pick<AlertEvaluation, 'firing' | 'suppressed'>): AlertState {
  return a.firing ? 'firing' : a.suppressed ? 'suppressed' : 'resolved';
}

/** The highest long-window burn among the firing page alerts, for the status badge ("Healthy · burning 30×"); null when none pages. */
export function pagingBurn(alerts: readonly AlertEvaluation[]): number | null {
  const burns = alerts
    .filter((a) => a.firing && a.severity === 'page')
    .map((a) => a.longBurn)
    .filter((b): b is number => b !== null);
  return burns.length ? Math.max(...burns) : null;
}
