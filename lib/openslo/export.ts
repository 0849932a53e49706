// exportOpenSlo: Service documents, then SLO documents, that parseOpenSlo reads back to equal drafts.
import { stringify } from 'yaml';
import { httpUrlOrNull } from '@/lib/links';
import type { CalendarUnit } from '@/lib/slo/definition';
import { METHOD_NAMES } from './objective';
import {
  ANNOTATIONS,
  OPENSLO_API_VERSION,
  PUSH_SOURCE_TYPE,
  type ServiceDraft,
  type SloDraft,
  type YamlMap,
} from './types';

const CALENDAR_DURATION: Record<CalendarUnit, string> = { week: '1w', month: '1M', quarter: '1Q' };
/** 1 January 2024 is a Monday: the first instant of a week, a month and a quarter alike. */
const PERIOD_START = '2024-01-01 00:00:00';

export function exportOpenSlo(services: ServiceDraft[], slos: SloDraft[]): string {
  const docs = [...services.map(serviceDocument), ...slos.map(sloDocument)];
  return docs.map((d) => stringify(d, { lineWidth: 0 })).join('---\n');
}

function serviceDocument(s: ServiceDraft): YamlMap {
  return {
    apiVersion: OPENSLO_API_VERSION,
    kind: 'Service',
    metadata: {
      name: s.slug,
      displayName: s.name,
      ...(s.tier === undefined ? {} : { annotations: { [ANNOTATIONS.tier]: String(s.tier) } }),
    },
    spec: { description: s.description },
  };
}

function sloDocument(s: SloDraft): YamlMap {
  const annotations: Record<string, string> = {};
  if (s.sourceType === 'push') annotations[ANNOTATIONS.source] = 'push';
  if (s.alertMinEvents !== null) annotations[ANNOTATIONS.alertMinEvents] = String(s.alertMinEvents);
  const runbook = httpUrlOrNull(s.runbookUrl);
  if (runbook) annotations[ANNOTATIONS.runbookUrl] = runbook;
  // A Prometheus latency SLI is a ratio of two counters: the threshold travels as an annotation.
  const latencyAsRatio = s.sliKind === 'latency' && s.sourceType === 'prometheus';
  if (latencyAsRatio) annotations[ANNOTATIONS.latencyThresholdMs] = String(s.latencyThresholdMs);
  const objective: YamlMap = {};
  if (s.sliKind === 'latency' && !latencyAsRatio)
    Object.assign(objective, { op: 'lt', value: s.latencyThresholdMs });
  objective.target = s.target;
  if (s.budgetingMethod === 'timeslices') objective.timeSliceTarget = s.timesliceTarget;
  if (s.budgetingMethod !== 'occurrences') objective.timeSliceWindow = '1m';
  return {
    apiVersion: OPENSLO_API_VERSION,
    kind: 'SLO',
    metadata: {
      name: s.slug,
      displayName: s.name,
      ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
    },
    spec: {
      ...(s.description ? { description: s.description } : {}),
      service: s.serviceSlug,
      indicator: { metadata: { name: s.slug }, spec: indicatorSpec(s, latencyAsRatio) },
      timeWindow: [
        s.windowType === 'calendar' && s.calendarUnit
          ? {
              duration: CALENDAR_DURATION[s.calendarUnit],
              isRolling: false,
              calendar: { startTime: PERIOD_START, timeZone: s.timezone },
            }
          : { duration: `${s.windowDays}d`, isRolling: true },
      ],
      budgetingMethod: METHOD_NAMES[s.budgetingMethod],
      objectives: [objective],
    },
  };
}

function indicatorSpec(s: SloDraft, latencyAsRatio: boolean): YamlMap {
  const samples = `/api/v1/slos/${s.slug}/samples`;
  if (s.sliKind === 'latency' && !latencyAsRatio)
    return { thresholdMetric: { metricSource: { type: PUSH_SOURCE_TYPE, spec: { samples } } } };
  const queries = { good: s.goodQuery, bad: s.badQuery, total: s.totalQuery };
  const source = (part: 'good' | 'bad' | 'total') =>
    s.sourceType === 'prometheus'
      ? { type: 'Prometheus', spec: { query: queries[part] } }
      : { type: PUSH_SOURCE_TYPE, spec: { samples, field: part } };
  const bad = s.sourceType === 'prometheus' && s.badQuery;
  return {
    ratioMetric: {
      counter: true,
      ...(bad ? { bad: { metricSource: source('bad') } } : { good: { metricSource: source('good') } }),
      total: { metricSource: source('total') },
    },
  };
}
