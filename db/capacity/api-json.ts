// The JSON shape of a capacity resource in GET /api/v1/capacity (SPEC 3): the numbers the pages show.
import { PLAN_HORIZONS } from '@/lib/capacity/plan';
import type { ResourceForecast } from './forecasts';

const round = (v: number | null | undefined, digits = 4) =>
  v === null || v === undefined ? null : Math.round(v * 10 ** digits) / 10 ** digits;

export function capacityToJson(f: ResourceForecast) {
  const { resource: r, analysis: a, chosen } = f;
  const score = a.backtest?.scores.find((s) => s.kind === chosen?.kind);
  const offset = a.todayOffset;
  return {
    slug: r.slug,
    name: r.name,
    service: r.serviceSlug,
    unit: r.unit,
    capacityPerInstance: r.capacityPerInstance,
    instances: r.instances,
    targetUtilisation: r.targetUtilisation,
    redundancy: r.redundancy,
    leadTimeDays: r.leadTimeDays,
    usableCapacity: round(a.usable),
    lastSampleDay: a.lastDay,
    currentDemand: round(a.current),
    status: f.status,
    model: chosen?.kind ?? null,
    backtest: a.backtest
      ? {
          holdoutDays: a.backtest.holdoutDays,
          metric: a.backtest.metric,
          error: round(a.backtest.metric === 'mape' ? score?.mape : score?.rmse, 6),
        }
      : null,
    forecast: chosen
      ? Object.fromEntries(
          PLAN_HORIZONS.map((days) => {
            const p = chosen.points[Math.min(chosen.points.length - 1, offset + days - 1)];
            return [`${days}d`, { mean: round(p.mean), lower: round(p.lower), upper: round(p.upper) }];
          }),
        )
      : null,
    daysToExhaustion: chosen?.exhaustion.days ?? null,
    exhaustionDate: chosen?.exhaustion.date ?? null,
    orderByDate: chosen?.exhaustion.orderBy ?? null,
    daysToExhaustionUpper: chosen?.exhaustionUpper.days ?? null,
    exhaustionDateUpper: chosen?.exhaustionUpper.date ?? null,
    orderByDateUpper: chosen?.exhaustionUpper.orderBy ?? null,
    requiredInstances: chosen
      ? Object.fromEntries(chosen.required.map((q) => [`${q.days}d`, q.instances]))
      : null,
    scenarios: (chosen?.scenarios ?? []).map((s) => ({
      name: s.name,
      kind: s.kind,
      value: s.value,
      requiredInstances: Object.fromEntries(s.instances.map((q) => [`${q.days}d`, q.instances])),
      daysToExhaustion: s.daysToExhaustion,
    })),
  };
}
