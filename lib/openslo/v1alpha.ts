// openslo/v1alpha → openslo/v1 (what Sloth's OpenSLO examples and older tools write): timeWindows
// {count, unit} become timeWindow {duration}; objectives[].ratioMetrics and a top-level
// spec.indicator.thresholdMetric {source, query} become spec.indicator.spec with a metricSource.
// Fields v1alpha has and v1 does not are reported by the unknown-field check afterwards.
import { slugify } from '@/lib/format';
import { asMap, asString, type Problems, type YamlMap } from './types';

const UNITS: Record<string, string> = {
  Minute: 'm',
  Hour: 'h',
  Day: 'd',
  Week: 'w',
  Month: 'M',
  Quarter: 'Q',
  Year: 'Y',
};

/** A v1alpha metric {source, queryType, query, metadata} as a v1 metricSource. */
function metricSource(m: YamlMap | null): YamlMap | undefined {
  if (!m) return undefined;
  const { source, queryType: _queryType, query, metadata: _metadata, ...rest } = m;
  return {
    metricSource: { type: source, spec: { query, ...rest } },
  };
}

/**
 * The v1 document(s) of a v1alpha one. v1alpha puts a ratio indicator on each objective; v1 has
 * one per SLO, so objectives with different indicators become separate documents, named as the
 * portal names the SLOs of a multi-objective document (name-objective).
 */
export function convertV1alpha(doc: YamlMap, p: Problems): YamlMap[] {
  p.warn('openslo/v1alpha converted to openslo/v1');
  const spec = asMap(doc.spec);
  if (doc.kind !== 'SLO' || !spec) return [{ ...doc, apiVersion: 'openslo/v1' }];
  const objectives = spec.objectives;
  const indicators = new Set(
    (Array.isArray(objectives) ? objectives : []).map((o) => JSON.stringify(asMap(o)?.ratioMetrics ?? null)),
  );
  if (Array.isArray(objectives) && objectives.length > 1 && indicators.size > 1) {
    const metadata = asMap(doc.metadata) ?? {};
    const name = asString(metadata.name) ?? '';
    const displayName = asString(metadata.displayName) ?? name;
    return objectives.map((o, i) => {
      const label = asString(asMap(o)?.displayName);
      return convertOne(
        {
          ...doc,
          metadata: {
            ...metadata,
            name: `${name}-${slugify(label ?? '') || i + 1}`,
            displayName: `${displayName} — ${label ?? `objective ${i + 1}`}`,
          },
          spec: { ...spec, objectives: [o] },
        },
        p,
      );
    });
  }
  return [convertOne(doc, p)];
}

function convertOne(doc: YamlMap, p: Problems): YamlMap {
  const spec = asMap(doc.spec) ?? {};
  const { timeWindows, objectives, indicator, ...rest } = spec;
  const out: YamlMap = { ...rest };
  if (Array.isArray(timeWindows)) {
    out.timeWindow = timeWindows.map((raw, i) => {
      const tw = asMap(raw) ?? {};
      const { count, unit, isRolling, calendar, ...others } = tw;
      const letter = UNITS[asString(unit) ?? ''];
      if (!letter)
        p.error(
          `spec.timeWindows[${i}].unit`,
          `${JSON.stringify(unit)} is not a window unit the portal takes: Minute, Hour, Day, Week, Month, Quarter or Year`,
        );
      return {
        duration: `${count}${letter ?? ''}`,
        ...(isRolling === undefined ? {} : { isRolling }),
        ...(calendar === undefined ? {} : { calendar }),
        ...others,
      };
    });
  } else if (timeWindows !== undefined) out.timeWindow = timeWindows;
  const ratios = new Map<string, YamlMap>();
  if (Array.isArray(objectives)) {
    out.objectives = objectives.map((raw, i) => {
      const o = asMap(raw);
      if (!o) return raw;
      const { ratioMetrics, ...objective } = o;
      const r = asMap(ratioMetrics);
      if (r) ratios.set(JSON.stringify(r), r);
      // v1alpha has no slice length; the portal's slices are 1 minute.
      if (spec.budgetingMethod === 'Timeslices' && objective.timeSliceWindow === undefined) {
        p.warn(
          `spec.objectives[${i}]: v1alpha gives no time slice length, the portal's 1-minute slices are used`,
        );
        objective.timeSliceWindow = '1m';
      }
      return objective;
    });
  }
  const threshold = asMap(asMap(indicator)?.thresholdMetric);
  if (ratios.size === 1) {
    const [r] = [...ratios.values()];
    const { incremental, good, bad, total, ...others } = r;
    out.indicator = {
      metadata: { name: asString(asMap(doc.metadata)?.name) ?? '' },
      spec: {
        ratioMetric: {
          counter: incremental ?? true,
          ...(good === undefined ? {} : { good: metricSource(asMap(good)) }),
          ...(bad === undefined ? {} : { bad: metricSource(asMap(bad)) }),
          ...(total === undefined ? {} : { total: metricSource(asMap(total)) }),
          ...others,
        },
      },
    };
  } else if (threshold) {
    out.indicator = {
      metadata: { name: asString(asMap(doc.metadata)?.name) ?? '' },
      spec: { thresholdMetric: metricSource(threshold) },
    };
  } else if (indicator !== undefined) {
    out.indicator = indicator;
  }
  return { ...doc, apiVersion: 'openslo/v1', spec: out };
}
