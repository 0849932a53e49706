// Derived capacity numbers (SPEC 1.5): time to exhaustion, order-by date, N+k instances.
import type { ForecastPoint } from './types';

export const PLAN_HORIZONS = [30, 60, 90] as const;
/** How far ahead exhaustion is looked for; beyond it reads "not within the horizon". */
export const EXHAUSTION_HORIZON_DAYS = 365;

export interface ResourceSizing {
  capacityPerInstance: number;
  instances: number;
  /** Fraction, e.g. 0.7. */
  targetUtilisation: number;
  /** The k of N+k. */
  redundancy: number;
  leadTimeDays: number;
}

/** Demand the current fleet may carry: instances × capacity per instance × target utilisation. */
export function usableCapacity(r: ResourceSizing): number {
  return r.instances * r.capacityPerInstance * r.targetUtilisation;
}

/**
 * Days after the last observation when demand first reaches the usable capacity: 0 when
 * it already has, null when the forecast never reaches it within the points given
 * (flat or falling demand) — never a negative number.
 */
export function daysToExhaustion(
  points: readonly ForecastPoint[],
  threshold: number,
  band: 'mean' | 'upper',
  current: number,
): number | null {
  if (current >= threshold) return 0;
  for (const p of points) if (p[band] >= threshold) return p.day;
  return null;
}

/** ⌈demand ÷ (capacity per instance × target utilisation)⌉ + k; demand below 0 counts as 0. */
export function requiredInstances(demand: number, r: ResourceSizing): number {
  const perInstance = r.capacityPerInstance * r.targetUtilisation;
  // A tiny epsilon keeps 7.000000000001 (floating-point noise) from becoming 8.
  const base = Math.ceil(Math.max(0, demand) / perInstance - 1e-9);
  return Math.max(0, base) + r.redundancy;
}

export type ScenarioKind = 'multiplier' | 'growth';

export interface ScenarioInput {
  name: string;
  kind: ScenarioKind;
  /** × factor for a multiplier; % per month for growth. */
  value: number;
}

/** Demand under a scenario `day` days ahead: × factor, or compounded monthly growth. */
export function scenarioDemand(demand: number, scenario: ScenarioInput, day: number): number {
  if (scenario.kind === 'multiplier') return demand * scenario.value;
  return demand * (1 + scenario.value / 100) ** (day / 30);
}

export interface ScenarioResult extends ScenarioInput {
  /** Instances needed at 30/60/90 days under the scenario (upper band). */
  instances: Array<{ days: number; instances: number }>;
  /** Days until the current fleet runs out under the scenario (upper band). */
  daysToExhaustion: number | null;
}

export function evaluateScenario(
  points: readonly ForecastPoint[],
  current: number,
  scenario: ScenarioInput,
  sizing: ResourceSizing,
): ScenarioResult {
  const scaled = points.map((p) => ({
    ...p,
    mean: scenarioDemand(p.mean, scenario, p.day),
    upper: scenarioDemand(p.upper, scenario, p.day),
    lower: scenarioDemand(p.lower, scenario, p.day),
  }));
  const now = scenario.kind === 'multiplier' ? current * scenario.value : current;
  return {
    ...scenario,
    instances: PLAN_HORIZONS.map((days) => ({
      days,
      instances: requiredInstances(scaled[days - 1]?.upper ?? 0, sizing),
    })),
    daysToExhaustion: daysToExhaustion(scaled, usableCapacity(sizing), 'upper', now),
  };
}
