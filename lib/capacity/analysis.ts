// Everything the pages and the API show for one resource, from its samples and sizing.
import { type Backtest, backtest, FITTERS } from './backtest';
import {
  daysToExhaustion,
  EXHAUSTION_HORIZON_DAYS,
  evaluateScenario,
  PLAN_HORIZONS,
  type ResourceSizing,
  requiredInstances,
  type ScenarioInput,
  type ScenarioResult,
  usableCapacity,
} from './plan';
import { DAY_MS, type DemandSample, dailyPeaks, utcDay } from './series';
import { type ForecastPoint, MODEL_KINDS, type ModelKind } from './types';

export interface Exhaustion {
  /** YYYY-MM-DD, or null when not within the horizon. */
  date: string | null;
  /** Days from today (0 when already reached). */
  days: number | null;
  /** date − lead time; may be in the past — that is the warning. */
  orderBy: string | null;
}

export interface ModelForecast {
  kind: ModelKind;
  describe: string;
  /** Daily points after the last observation, up to the exhaustion horizon. */
  points: ForecastPoint[];
  /** The forecast line crossing the usable capacity. */
  exhaustion: Exhaustion;
  /** The upper band crossing it (the pessimistic date). */
  exhaustionUpper: Exhaustion;
  required: Array<{ days: number; instances: number }>;
  scenarios: ScenarioResult[];
}

export type CapacityStatus = 'order-now' | 'order-soon' | 'ok' | 'no-data';

export interface CapacityAnalysis {
  /** YYYY-MM-DD of the last day with demand. */
  lastDay: string | null;
  current: number | null;
  /** Days from the last observation to today: forecast point `todayOffset + d` is d days from now. */
  todayOffset: number;
  usable: number;
  history: Array<{ date: string; value: number }>;
  backtest: Backtest | null;
  /** The model with the lowest backtest error (or the only one that fits). */
  defaultModel: ModelKind | null;
  models: ModelForecast[];
}

export const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function exhaustionOf(days: number | null, lastDay: number, today: number, lead: number): Exhaustion {
  if (days === null) return { date: null, days: null, orderBy: null };
  const at = Math.max(lastDay + days * DAY_MS, today);
  return {
    date: isoDate(at),
    days: Math.round((at - today) / DAY_MS),
    orderBy: isoDate(at - lead * DAY_MS),
  };
}

export function analyseCapacity(
  samples: readonly DemandSample[],
  sizing: ResourceSizing,
  scenarios: readonly ScenarioInput[] = [],
  now = new Date(),
): CapacityAnalysis {
  const usable = usableCapacity(sizing);
  const series = dailyPeaks(samples);
  if (!series)
    return {
      lastDay: null,
      current: null,
      todayOffset: 0,
      usable,
      history: [],
      backtest: null,
      defaultModel: null,
      models: [],
    };
  const { values, firstDay } = series;
  const lastDay = firstDay + (values.length - 1) * DAY_MS;
  const today = utcDay(now.getTime());
  const current = values[values.length - 1];
  const history = values.map((value, i) => ({ date: isoDate(firstDay + i * DAY_MS), value }));
  // Days already elapsed since the last sample are forecast too, so the horizon counts from today.
  const offset = Math.max(0, Math.round((today - lastDay) / DAY_MS));
  const horizon = EXHAUSTION_HORIZON_DAYS + offset;
  const models: ModelForecast[] = [];
  for (const kind of MODEL_KINDS) {
    const model = FITTERS[kind](values);
    if (!model) continue;
    const points = model.forecast(horizon);
    if (!points.every((p) => Number.isFinite(p.mean) && Number.isFinite(p.upper))) continue;
    models.push({
      kind,
      describe: model.describe,
      points,
      exhaustion: exhaustionOf(
        daysToExhaustion(points, usable, 'mean', current),
        lastDay,
        today,
        sizing.leadTimeDays,
      ),
      exhaustionUpper: exhaustionOf(
        daysToExhaustion(points, usable, 'upper', current),
        lastDay,
        today,
        sizing.leadTimeDays,
      ),
      required: PLAN_HORIZONS.map((days) => ({
        days,
        instances: requiredInstances(points[offset + days - 1]?.upper ?? current, sizing),
      })),
      scenarios: scenarios.map((s) => evaluateScenario(points.slice(offset), current, s, sizing)),
    });
  }
  const bt = values.length >= 5 ? backtest(values) : null;
  const defaultModel =
    bt?.best && models.some((m) => m.kind === bt.best) ? bt.best : (models[0]?.kind ?? null);
  return {
    lastDay: isoDate(lastDay),
    current,
    todayOffset: offset,
    usable,
    history,
    backtest: bt,
    defaultModel,
    models,
  };
}

/**
 * Red when the pessimistic order-by date has passed (demand reaches the target within
 * the lead time), amber when it falls within the next lead time.
 */
export function capacityStatus(analysis: CapacityAnalysis, leadTimeDays: number): CapacityStatus {
  const model = analysis.models.find((m) => m.kind === analysis.defaultModel);
  if (!model) return 'no-data';
  const days = model.exhaustionUpper.days;
  if (days === null) return 'ok';
  // Days left until the order-by date (exhaustion − lead time).
  const daysLeft = days - leadTimeDays;
  if (daysLeft <= 0) return 'order-now';
  if (daysLeft <= leadTimeDays) return 'order-soon';
  return 'ok';
}
