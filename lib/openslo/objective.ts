// spec.budgetingMethod and spec.objectives[i] → target, slice target, latency threshold.
import type { BudgetingMethod } from '@/lib/slo/definition';
import type { IndicatorFields } from './indicator';
import { ANNOTATIONS, annotationPath, type Problems, quote, type YamlMap } from './types';

const METHODS: Record<string, BudgetingMethod> = {
  Occurrences: 'occurrences',
  Timeslices: 'timeslices',
  RatioTimeslices: 'ratio-timeslices',
};
export const METHOD_NAMES: Record<BudgetingMethod, string> = {
  occurrences: 'Occurrences',
  timeslices: 'Timeslices',
  'ratio-timeslices': 'RatioTimeslices',
};

export function mapBudgetingMethod(spec: YamlMap, p: Problems): BudgetingMethod | null {
  const value = spec.budgetingMethod;
  const method = typeof value === 'string' ? METHODS[value] : undefined;
  if (method) return method;
  p.error(
    'spec.budgetingMethod',
    value === undefined
      ? 'Required: Occurrences, Timeslices or RatioTimeslices'
      : `Unknown budgeting method ${quote(value)}: Occurrences, Timeslices or RatioTimeslices`,
  );
  return null;
}

export interface ObjectiveFields {
  target: unknown;
  targetPath: string;
  timesliceTarget: unknown;
  latencyThresholdMs: unknown;
  latencyPath: string;
}

/** One objective; `method` null means the budgeting method itself was refused. */
export function mapObjective(
  o: YamlMap,
  i: number,
  method: BudgetingMethod | null,
  indicator: IndicatorFields,
  p: Problems,
): ObjectiveFields {
  const at = `spec.objectives[${i}]`;
  const out: ObjectiveFields = {
    target: null,
    targetPath: `${at}.target`,
    timesliceTarget: null,
    latencyThresholdMs: indicator.latencyThresholdMs,
    latencyPath: annotationPath(ANNOTATIONS.latencyThresholdMs),
  };
  if (o.indicator !== undefined || o.indicatorRef !== undefined) {
    p.error(
      `${at}.${o.indicator !== undefined ? 'indicator' : 'indicatorRef'}`,
      'Per-objective indicators (composite SLOs) are not supported: one indicator per SLO under spec.indicator',
    );
  }
  mapTarget(o, at, out, p);
  if (indicator.thresholdFromObjective) {
    out.latencyPath = `${at}.value`;
    out.latencyThresholdMs = o.value ?? null;
    if (o.op === undefined)
      p.error(`${at}.op`, 'Required for a thresholdMetric: lt or lte (requests under value are good)');
    else if (o.op !== 'lt' && o.op !== 'lte') {
      p.error(
        `${at}.op`,
        `The portal's latency SLI counts requests under a threshold: lt or lte (got ${quote(o.op)})`,
      );
    }
  }
  if (method === 'timeslices') out.timesliceTarget = o.timeSliceTarget ?? null;
  else if (o.timeSliceTarget !== undefined && method)
    p.warn(`${at}.timeSliceTarget is ignored: only Timeslices uses a per-slice target`);
  if (method === 'timeslices' || method === 'ratio-timeslices') {
    if (o.timeSliceWindow === undefined) {
      p.error(
        `${at}.timeSliceWindow`,
        `Required for ${METHOD_NAMES[method]}: the portal's time slices are 1 minute, write 1m`,
      );
    } else if (o.timeSliceWindow !== '1m') {
      p.error(
        `${at}.timeSliceWindow`,
        `The portal's time slices are 1 minute: write 1m (got ${quote(o.timeSliceWindow)})`,
      );
    }
  } else if (o.timeSliceWindow !== undefined && method) {
    p.warn(`${at}.timeSliceWindow is ignored: Occurrences has no time slices`);
  }
  return out;
}

function mapTarget(o: YamlMap, at: string, out: ObjectiveFields, p: Problems) {
  const numeric = (v: unknown) =>
    typeof v === 'number' || (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v)));
  if (o.target !== undefined && o.targetPercent !== undefined) {
    out.targetPath = `${at}.targetPercent`;
    p.error(out.targetPath, 'Give target or targetPercent, not both');
  } else if (o.target !== undefined) {
    if (numeric(o.target)) out.target = Number(o.target);
    else p.error(`${at}.target`, `A number between 0 and 1, e.g. 0.999 (got ${quote(o.target)})`);
  } else if (o.targetPercent !== undefined) {
    out.targetPath = `${at}.targetPercent`;
    // 99.9 / 100 is 0.9990000000000001 in floating point: keep 15 significant digits.
    if (numeric(o.targetPercent)) out.target = Number((Number(o.targetPercent) / 100).toPrecision(15));
    else p.error(out.targetPath, `A percentage between 0 and 100, e.g. 99.9 (got ${quote(o.targetPercent)})`);
  } else {
    p.error(`${at}.target`, 'Required: the objective, e.g. target: 0.999 (or targetPercent: 99.9)');
  }
}
