// Resources with their forecasts: the overview, the detail page and GET /api/v1/capacity
// all read this, so their numbers cannot drift. SQL takes daily peaks; lib/capacity computes.
import type { Executor } from '@/db/client';
import {
  analyseCapacity,
  type CapacityAnalysis,
  type CapacityStatus,
  capacityStatus,
  type ModelForecast,
} from '@/lib/capacity/analysis';
import type { ResourceSizing } from '@/lib/capacity/plan';
import { getResourceBySlug, listResources, type ResourceRow } from './resources';
import { dailyPeakSamples } from './samples';
import { listScenarios } from './scenarios';

export interface ResourceForecast {
  resource: ResourceRow;
  scenarios: Array<{ id: string; name: string; kind: 'multiplier' | 'growth'; value: number }>;
  analysis: CapacityAnalysis;
  status: CapacityStatus;
  /** The default (backtest-chosen) model's forecast, if any. */
  chosen: ModelForecast | null;
}

export function sizingOf(r: ResourceRow): ResourceSizing {
  return {
    capacityPerInstance: r.capacityPerInstance,
    instances: r.instances,
    targetUtilisation: r.targetUtilisation,
    redundancy: r.redundancy,
    leadTimeDays: r.leadTimeDays,
  };
}

async function forecastRows(db: Executor, rows: ResourceRow[], now: Date): Promise<ResourceForecast[]> {
  const ids = rows.map((r) => r.id);
  const [peaks, scenarioRows] = await Promise.all([dailyPeakSamples(db, ids, now), listScenarios(db, ids)]);
  return rows.map((resource) => {
    const scenarios = scenarioRows
      .filter((s) => s.resourceId === resource.id)
      .map((s) => ({ id: s.id, name: s.name, kind: s.kind, value: s.value }));
    const analysis = analyseCapacity(peaks.get(resource.id) ?? [], sizingOf(resource), scenarios, now);
    return {
      resource,
      scenarios,
      analysis,
      status: capacityStatus(analysis, resource.leadTimeDays),
      chosen: analysis.models.find((m) => m.kind === analysis.defaultModel) ?? null,
    };
  });
}

/** Every resource, most urgent first: pessimistic days to exhaustion, then the forecast's. */
export async function capacityOverview(db: Executor, now = new Date()): Promise<ResourceForecast[]> {
  const all = await forecastRows(db, await listResources(db), now);
  const key = (f: ResourceForecast) => [
    f.chosen?.exhaustionUpper.days ?? Number.POSITIVE_INFINITY,
    f.chosen?.exhaustion.days ?? Number.POSITIVE_INFINITY,
  ];
  return all.sort((a, b) => {
    const [a1, a2] = key(a);
    const [b1, b2] = key(b);
    return a1 - b1 || a2 - b2 || a.resource.name.localeCompare(b.resource.name);
  });
}

export async function resourceForecast(
  db: Executor,
  slug: string,
  now = new Date(),
): Promise<ResourceForecast | null> {
  const resource = await getResourceBySlug(db, slug);
  if (!resource) return null;
  const [forecast] = await forecastRows(db, [resource], now);
  return forecast;
}
