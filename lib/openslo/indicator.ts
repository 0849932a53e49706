// spec.indicator → SLI kind and source. ratioMetric good/total (Prometheus: counter selectors,
// anything else: pushed samples); thresholdMetric → latency SLI with its threshold on the objective.
import { ANNOTATIONS, asMap, asString, type Problems, PUSH_SOURCE_TYPE, quote, type YamlMap } from './types';

export interface IndicatorFields {
  sliKind: 'ratio' | 'latency';
  /** thresholdMetric: the threshold comes from objectives[].op/value. */
  thresholdFromObjective: boolean;
  /** ratioMetric + sre-portal.io/latency-threshold-ms. */
  latencyThresholdMs: unknown;
  sourceType: 'push' | 'prometheus';
  goodQuery: string | null;
  totalQuery: string | null;
  /** An error counter instead of a good one (good = total − bad). */
  badQuery: string | null;
  goodPath: string;
  totalPath: string;
  badPath: string;
}

const SPEC = 'spec.indicator.spec';
const RATIO = `${SPEC}.ratioMetric`;
const THRESHOLD = `${SPEC}.thresholdMetric`;

export function mapIndicator(spec: YamlMap, annotations: YamlMap, p: Problems): IndicatorFields {
  const out: IndicatorFields = {
    sliKind: 'ratio',
    thresholdFromObjective: false,
    latencyThresholdMs: null,
    sourceType: 'push',
    goodQuery: null,
    totalQuery: null,
    badQuery: null,
    goodPath: `${RATIO}.good.metricSource.spec.query`,
    totalPath: `${RATIO}.total.metricSource.spec.query`,
    badPath: `${RATIO}.bad.metricSource.spec.query`,
  };
  if (spec.indicatorRef !== undefined) {
    p.error(
      'spec.indicatorRef',
      'References to SLI documents are not supported yet: put the indicator inline under spec.indicator',
    );
    return out;
  }
  const indicator = asMap(spec.indicator);
  if (!indicator) {
    p.error('spec.indicator', 'Required: an inline indicator with a ratioMetric or a thresholdMetric');
    return out;
  }
  const body = asMap(indicator.spec);
  const ratio = asMap(body?.ratioMetric);
  const threshold = asMap(body?.thresholdMetric);
  if (!body || (ratio && threshold) || (!ratio && !threshold)) {
    p.error(SPEC, 'Exactly one of ratioMetric (good/total events) or thresholdMetric (latency)');
    return out;
  }
  const forcedPush = annotations[ANNOTATIONS.source] === 'push';
  if (ratio) mapRatio(ratio, annotations, forcedPush, out, p);
  else if (threshold) mapThreshold(threshold, forcedPush, out, p);
  return out;
}

function mapRatio(
  ratio: YamlMap,
  annotations: YamlMap,
  forcedPush: boolean,
  out: IndicatorFields,
  p: Problems,
) {
  if (ratio.raw !== undefined || ratio.rawType !== undefined)
    p.error(`${RATIO}.raw`, 'Precomputed ratios are not supported: give good and total event counters');
  if (ratio.good !== undefined && ratio.bad !== undefined)
    p.error(`${RATIO}.bad`, 'Give good or bad, not both');
  if (ratio.good === undefined && ratio.bad === undefined)
    p.error(`${RATIO}.good`, 'Required: the metric of good events (with total)');
  if (ratio.total === undefined) p.error(`${RATIO}.total`, 'Required: the metric of all events');
  const parts = (['good', 'bad', 'total'] as const).filter((k) => ratio[k] !== undefined);
  const types = new Map(parts.map((k) => [k, sourceType(asMap(asMap(ratio[k])?.metricSource))]));
  const prometheus = parts.filter((k) => types.get(k) === 'prometheus');
  const latency = annotations[ANNOTATIONS.latencyThresholdMs];
  if (latency !== undefined) {
    out.sliKind = 'latency';
    out.latencyThresholdMs = latency;
  }
  if (forcedPush || prometheus.length === 0) {
    pushWarning(
      parts.map((k) => types.get(k) ?? ''),
      forcedPush,
      p,
    );
    if (ratio.good === undefined && ratio.bad !== undefined)
      p.warn('bad/total indicator: the push API takes good events, so push good = total − bad');
    return;
  }
  for (const k of parts.filter((k) => types.get(k) !== 'prometheus')) {
    p.error(
      `${RATIO}.${k}.metricSource.type`,
      `good and total must come from the same source: ${prometheus.join(', ')} from Prometheus, ${k} from ${quote(types.get(k))}`,
    );
  }
  if (ratio.counter === false)
    p.error(
      `${RATIO}.counter`,
      'The Prometheus source takes counters (the portal applies increase() itself)',
    );
  out.sourceType = 'prometheus';
  if (ratio.bad !== undefined && ratio.good === undefined) out.badQuery = query(ratio.bad, out.badPath, p);
  else out.goodQuery = query(ratio.good, out.goodPath, p);
  out.totalQuery = query(ratio.total, out.totalPath, p);
}

function mapThreshold(threshold: YamlMap, forcedPush: boolean, out: IndicatorFields, p: Problems) {
  out.sliKind = 'latency';
  out.thresholdFromObjective = true;
  const type = sourceType(asMap(threshold.metricSource));
  if (type === 'prometheus' && !forcedPush) {
    p.error(
      `${THRESHOLD}.metricSource.type`,
      'A Prometheus latency SLI needs two counters (requests under the threshold and all requests) but a thresholdMetric has one query: write a ratioMetric with good = the histogram bucket and total = the request count, and the annotation sre-portal.io/latency-threshold-ms',
    );
    return;
  }
  pushWarning([type], forcedPush, p);
}

/** 'prometheus', the push type, or the source's own type name (or metricSourceRef) for the warning. */
function sourceType(metricSource: YamlMap | null): string {
  const type = asString(metricSource?.type) ?? '';
  if (type.toLowerCase() === 'prometheus') return 'prometheus';
  if (type.toLowerCase() === PUSH_SOURCE_TYPE.toLowerCase()) return 'push';
  const ref = asString(metricSource?.metricSourceRef);
  return type || (ref ? `metricSourceRef ${ref}` : 'unspecified');
}

function pushWarning(types: string[], forcedPush: boolean, p: Problems) {
  if (forcedPush) return;
  for (const t of new Set(types.filter((t) => t !== 'push' && t !== 'prometheus'))) {
    p.warn(
      `metricSource type ${quote(t)} is not one the portal queries: the SLO takes pushed samples (POST /api/v1/slos/{slug}/samples)`,
    );
  }
}

function query(part: unknown, path: string, p: Problems): string | null {
  const q = asMap(asMap(asMap(part)?.metricSource)?.spec)?.query;
  if (typeof q === 'string') return q;
  p.error(path, 'Required: the Prometheus counter selector, e.g. http_requests_total{job="api"}');
  return null;
}
