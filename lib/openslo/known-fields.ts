// Fields of OpenSLO v1 Service and SLO documents the importer knows. Anything else is listed as
// a warning on its document (SPEC 3: never silently dropped). Free-form maps (annotations,
// labels, a metric source's spec) are not descended into.
import { asMap, type Problems, type YamlMap } from './types';

type Shape = { [key: string]: Shape | true | [Shape] };

const METRIC: Shape = { metricSource: { metricSourceRef: true, type: true, spec: true } };
const METADATA: Shape = { name: true, displayName: true, labels: true, annotations: true };

const SLO: Shape = {
  apiVersion: true,
  kind: true,
  metadata: METADATA,
  spec: {
    description: true,
    service: true,
    indicatorRef: true,
    indicator: {
      metadata: METADATA,
      spec: {
        description: true,
        ratioMetric: { counter: true, good: METRIC, bad: METRIC, total: METRIC, raw: METRIC, rawType: true },
        thresholdMetric: METRIC,
      },
    },
    timeWindow: [{ duration: true, isRolling: true, calendar: { startTime: true, timeZone: true } }],
    budgetingMethod: true,
    objectives: [
      {
        displayName: true,
        op: true,
        value: true,
        target: true,
        targetPercent: true,
        timeSliceTarget: true,
        timeSliceWindow: true,
        indicator: true,
        indicatorRef: true,
        compositeWeight: true,
      },
    ],
    alertPolicies: true,
  },
};

const SERVICE: Shape = { apiVersion: true, kind: true, metadata: METADATA, spec: { description: true } };

function walk(value: unknown, shape: Shape, path: string, out: string[]) {
  const map = asMap(value);
  if (!map) return;
  for (const [key, child] of Object.entries(map)) {
    const at = path ? `${path}.${key}` : key;
    const known = shape[key];
    if (known === undefined) {
      out.push(at);
      continue;
    }
    if (known === true) continue;
    if (Array.isArray(known)) {
      if (Array.isArray(child)) {
        for (const [i, item] of child.entries()) walk(item, known[0], `${at}[${i}]`, out);
      }
      continue;
    }
    walk(child, known, at, out);
  }
}

/** Warns once per unknown field of a Service or SLO document, naming its path. */
export function warnUnknownFields(doc: YamlMap, kind: string, p: Problems) {
  const shape = kind === 'Service' ? SERVICE : kind === 'SLO' ? SLO : null;
  if (!shape) return;
  const unknown: string[] = [];
  walk(doc, shape, '', unknown);
  for (const field of unknown) p.warn(`${field} is not an OpenSLO v1 field the portal knows: ignored`);
  const metadata = asMap(doc.metadata);
  if (asMap(metadata?.labels) && Object.keys(asMap(metadata?.labels) ?? {}).length > 0)
    p.warn('metadata.labels are not imported');
}
