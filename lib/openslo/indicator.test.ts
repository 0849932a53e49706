import { describe, expect, it } from 'vitest';
import { drafts, errors, fields, indicatorSpec, only, patch, sloYaml, spec } from './testing';
import type { YamlMap } from './types';

describe('parseOpenSlo: budgeting methods and indicators', () => {
  it('needs a slice target and 1-minute slices for Timeslices', () => {
    const ts = (o: YamlMap) =>
      sloYaml((d) => patch(spec(d), { budgetingMethod: 'Timeslices', objectives: [{ target: 0.99, ...o }] }));
    expect(drafts(ts({ timeSliceTarget: 0.95, timeSliceWindow: '1m' }))[0]).toMatchObject({
      budgetingMethod: 'timeslices',
      timesliceTarget: 0.95,
    });
    expect(fields(ts({ timeSliceWindow: '1m' }))).toEqual(['spec.objectives[0].timeSliceTarget']);
    expect(fields(ts({ timeSliceTarget: 0.95, timeSliceWindow: '5m' }))).toEqual([
      'spec.objectives[0].timeSliceWindow',
    ]);
    expect(fields(ts({ timeSliceTarget: 0.95 }))).toEqual(['spec.objectives[0].timeSliceWindow']);
  });

  it('maps a push thresholdMetric to a latency SLI with the objective value in ms', () => {
    const text = sloYaml((d) => {
      spec(d).indicator = { spec: { thresholdMetric: { metricSource: { type: 'Datadog', spec: {} } } } };
      spec(d).objectives = [{ op: 'lte', value: 250, target: 0.95 }];
    });
    const doc = only(text);
    expect(doc.ok && doc.slos?.[0]).toMatchObject({
      sliKind: 'latency',
      latencyThresholdMs: 250,
      sourceType: 'push',
    });
    expect(doc.ok && doc.warnings).toEqual([
      'metricSource type "Datadog" is not one the portal queries: the SLO takes pushed samples (POST /api/v1/slos/{slug}/samples)',
    ]);
    const above = text.replace('op: lte', 'op: gt');
    expect(errors(above)).toEqual([
      { field: 'spec.objectives[0].op', message: expect.stringContaining('under a threshold') },
    ]);
    expect(fields(text.replace('value: 250', 'value: 0'))).toEqual(['spec.objectives[0].value']);
  });

  it('refuses what it cannot map: Prometheus thresholdMetric, SLI references, raw ratios', () => {
    const threshold = sloYaml((d) => {
      spec(d).indicator = {
        spec: { thresholdMetric: { metricSource: { type: 'Prometheus', spec: { query: 'x' } } } },
      };
      spec(d).objectives = [{ op: 'lt', value: 300, target: 0.99 }];
    });
    expect(errors(threshold)[0]).toMatchObject({
      field: 'spec.indicator.spec.thresholdMetric.metricSource.type',
      message: expect.stringContaining('needs two counters'),
    });
    const bad = sloYaml((d) => {
      const ratio = (spec(d).indicator as { spec: { ratioMetric: YamlMap } }).spec.ratioMetric;
      ratio.bad = ratio.good;
      delete ratio.good;
    });
    // bad/total from Prometheus: an error counter, good = total − bad.
    expect(drafts(bad)[0]).toMatchObject({ goodQuery: null, badQuery: expect.stringContaining('checkout') });
    const ref = sloYaml((d) => patch(spec(d), { indicatorRef: 'checkout-ok', indicator: undefined }));
    expect(errors(ref)).toEqual([
      { field: 'spec.indicatorRef', message: expect.stringContaining('not supported yet') },
    ]);
    const raw = sloYaml((d) =>
      patch(indicatorSpec(d), { ratioMetric: { raw: {}, rawType: 'success', total: {} } }),
    );
    expect(fields(raw)).toContain('spec.indicator.spec.ratioMetric.raw');
  });

  it('accepts bad/total from a pushed source with a warning to push good = total − bad', () => {
    const doc = only(
      sloYaml((d) =>
        patch(indicatorSpec(d), {
          ratioMetric: { bad: { metricSource: { type: 'Any' } }, total: { metricSource: { type: 'Any' } } },
        }),
      ),
    );
    expect(doc.ok && doc.warnings).toContain(
      'bad/total indicator: the push API takes good events, so push good = total − bad',
    );
  });

  it('takes the selector out of the queries people write, and refuses others at their OpenSLO path', () => {
    const sloth = sloYaml().replace(
      'http_requests_total{job="checkout"}',
      'sum(rate(http_requests_total{job="checkout"}[{{.window}}]))',
    );
    expect(drafts(sloth)[0].totalQuery).toBe('http_requests_total{job="checkout"}');
    const text = sloYaml().replace(
      'http_requests_total{job="checkout"}',
      'sum(rate(http_requests_total[5m])) / 2',
    );
    expect(fields(text)).toEqual(['spec.indicator.spec.ratioMetric.total.metricSource.spec.query']);
  });

  it('reads the portal annotations back and refuses bad ones at their path', () => {
    const annotated = (a: YamlMap) => sloYaml((d) => patch(d.metadata, { annotations: a }));
    expect(
      drafts(
        annotated({
          'sre-portal.io/alert-min-events': '100',
          'sre-portal.io/runbook-url': 'https://wiki/rb',
          'sre-portal.io/source': 'push',
        }),
      )[0],
    ).toMatchObject({
      alertMinEvents: 100,
      runbookUrl: 'https://wiki/rb',
      sourceType: 'push',
      goodQuery: null,
    });
    expect(
      fields(annotated({ 'sre-portal.io/alert-min-events': 'many', 'sre-portal.io/runbook-url': 'wiki' })),
    ).toEqual([
      'metadata.annotations["sre-portal.io/alert-min-events"]',
      'metadata.annotations["sre-portal.io/runbook-url"]',
    ]);
  });
});
