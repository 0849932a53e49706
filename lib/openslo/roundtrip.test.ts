// export → parse gives back the very definitions that were exported, for every kind of SLO.

import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { BUDGETING_METHODS } from '@/lib/slo/definition';
import { exportOpenSlo } from './export';
import { parseOpenSlo } from './parse';
import type { ServiceDraft, SloDraft } from './types';

const services: ServiceDraft[] = [
  { slug: 'checkout', name: 'Checkout API', description: 'Takes the money', tier: 0 },
  { slug: 'search', name: 'Search', description: '' },
];

const windows = [
  { windowType: 'rolling', windowDays: 28, calendarUnit: null, timezone: 'UTC' },
  { windowType: 'rolling', windowDays: 7, calendarUnit: null, timezone: 'UTC' },
  { windowType: 'calendar', windowDays: null, calendarUnit: 'month', timezone: 'Europe/Berlin' },
  { windowType: 'calendar', windowDays: null, calendarUnit: 'week', timezone: 'UTC' },
  { windowType: 'calendar', windowDays: null, calendarUnit: 'quarter', timezone: 'America/New_York' },
] as const;

/** Every SLI kind × window × budgeting method × source, with and without the portal-only fields. */
function everyKind(): SloDraft[] {
  const out: SloDraft[] = [];
  for (const sliKind of ['ratio', 'latency'] as const)
    for (const [w, window] of windows.entries())
      for (const budgetingMethod of BUDGETING_METHODS)
        for (const sourceType of ['push', 'prometheus'] as const) {
          const n = out.length;
          const bucket =
            sliKind === 'latency'
              ? 'http_request_duration_seconds_bucket{job="api",le="0.3"}'
              : 'http_requests_total{job="api",code!~"5.."}';
          out.push({
            slug: `slo-${n}-${sliKind}-${budgetingMethod}`,
            name: `SLO ${n}: ${sliKind} "quoted" — ${w}`,
            description: n % 3 === 0 ? '' : `Line one\nline two: with a colon #${n}`,
            serviceSlug: services[n % 2].slug,
            sliKind,
            latencyThresholdMs: sliKind === 'latency' ? 300 + n : null,
            target: [0.999, 0.99, 0.9995, 0.95][n % 4],
            ...window,
            budgetingMethod,
            timesliceTarget: budgetingMethod === 'timeslices' ? 0.95 : null,
            sourceType,
            goodQuery: sourceType === 'prometheus' ? bucket : null,
            totalQuery: sourceType === 'prometheus' ? 'http_requests_total{job="api"}' : null,
            badQuery: null,
            alertMinEvents: n % 2 === 0 ? 100 : null,
            runbookUrl: n % 5 === 0 ? `https://wiki.example.com/runbooks/${n}?a=1&b=2` : null,
          });
        }
  return out;
}

describe('OpenSLO export → import', () => {
  const slos = everyKind();
  const yaml = exportOpenSlo(services, slos);

  it('writes Service documents first, then one SLO document per SLO, all openslo/v1', () => {
    const docs = parseAllDocuments(yaml).map((d) => d.toJS());
    expect(docs).toHaveLength(services.length + slos.length);
    expect(docs.map((d) => d.kind)).toEqual([...services.map(() => 'Service'), ...slos.map(() => 'SLO')]);
    expect(new Set(docs.map((d) => d.apiVersion))).toEqual(new Set(['openslo/v1']));
  });

  it(`round-trips ${slos.length} SLOs of every kind to equal definitions, without warnings`, () => {
    const docs = parseOpenSlo(yaml);
    for (const d of docs) if (!d.ok) throw new Error(`document ${d.index}: ${JSON.stringify(d.errors)}`);
    expect(docs.flatMap((d) => (d.ok ? (d.slos ?? []) : []))).toEqual(slos);
    expect(docs.flatMap((d) => (d.ok && d.service ? [d.service] : []))).toEqual(services);
    expect(docs.flatMap((d) => (d.ok ? d.warnings : []))).toEqual([]);
  });

  it('writes the shapes other OpenSLO tools expect', () => {
    const text = exportOpenSlo(
      [],
      [
        slos.find(
          (s) => s.sliKind === 'latency' && s.sourceType === 'push' && s.budgetingMethod === 'timeslices',
        ) as SloDraft,
      ],
    );
    const [doc] = parseAllDocuments(text).map((d) => d.toJS());
    expect(doc.spec.indicator.spec.thresholdMetric).toBeDefined();
    expect(doc.spec.objectives[0]).toMatchObject({ op: 'lt', timeSliceTarget: 0.95, timeSliceWindow: '1m' });
    expect(doc.spec.budgetingMethod).toBe('Timeslices');
    expect(doc.metadata.annotations['sre-portal.io/source']).toBe('push');
    const prom = slos.find((s) => s.sliKind === 'latency' && s.sourceType === 'prometheus') as SloDraft;
    const [latency] = parseAllDocuments(exportOpenSlo([], [prom])).map((d) => d.toJS());
    expect(latency.spec.indicator.spec.ratioMetric.good.metricSource).toEqual({
      type: 'Prometheus',
      spec: { query: prom.goodQuery },
    });
    expect(latency.metadata.annotations['sre-portal.io/latency-threshold-ms']).toBe(
      String(prom.latencyThresholdMs),
    );
    expect(exportOpenSlo([], [])).toBe('');
  });
});
