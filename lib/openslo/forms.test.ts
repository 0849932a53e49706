// The forms other tools write: a top-level list, openslo/v1alpha, fields the portal does not know.
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseOpenSlo } from './parse';
import { sloYaml } from './testing';

const V1ALPHA = `apiVersion: openslo/v1alpha
kind: SLO
metadata:
  name: api-availability
  displayName: API availability
spec:
  service: api
  budgetingMethod: Occurrences
  objectives:
    - ratioMetrics:
        good: { source: prometheus, queryType: promql, query: 'sum(rate(http_requests_total{code!~"5.."}[{{.window}}]))' }
        total: { source: prometheus, queryType: promql, query: 'sum(rate(http_requests_total[{{.window}}]))' }
      target: 0.999
  timeWindows:
    - count: 28
      unit: Day
`;

describe('parseOpenSlo: forms written by other tools', () => {
  it('reads a top-level YAML list of objects, each item its own document', () => {
    const service = (name: string) => ({
      apiVersion: 'openslo/v1',
      kind: 'Service',
      metadata: { name },
      spec: { description: '' },
    });
    const docs = parseOpenSlo(`${stringify([service('svc-a'), service('svc-b')])}---\n${sloYaml()}`);
    expect(docs.map((d) => [d.index, d.kind, d.name, d.ok])).toEqual([
      [0, 'Service', 'svc-a', true],
      [1, 'Service', 'svc-b', true],
      [2, 'SLO', 'checkout-availability', true],
    ]);
  });

  it('converts openslo/v1alpha: timeWindows, objectives[].ratioMetrics, Sloth query templates', () => {
    const [doc] = parseOpenSlo(V1ALPHA);
    if (!doc.ok) throw new Error(JSON.stringify(doc.errors));
    expect(doc.warnings).toEqual(['openslo/v1alpha converted to openslo/v1']);
    expect(doc.slos?.[0]).toMatchObject({
      slug: 'api-availability',
      serviceSlug: 'api',
      target: 0.999,
      windowType: 'rolling',
      windowDays: 28,
      budgetingMethod: 'occurrences',
      sourceType: 'prometheus',
      goodQuery: 'http_requests_total{code!~"5.."}',
      totalQuery: 'http_requests_total',
    });
  });

  it('splits v1alpha objectives with different indicators into one SLO each', () => {
    const two = V1ALPHA.replace(
      '      target: 0.999\n',
      `      target: 0.999\n      displayName: fast\n    - ratioMetrics:\n        good: { source: prometheus, query: 'x_bucket{le="1"}' }\n        total: { source: prometheus, query: 'x_count' }\n      target: 0.99\n      displayName: slow\n`,
    );
    const [doc] = parseOpenSlo(two);
    expect(doc.ok && doc.slos?.map((s) => [s.slug, s.target, s.goodQuery])).toEqual([
      ['api-availability-fast', 0.999, 'http_requests_total{code!~"5.."}'],
      ['api-availability-slow', 0.99, 'x_bucket{le="1"}'],
    ]);
  });

  it('refuses a v1alpha unit it cannot express, naming the field', () => {
    const [doc] = parseOpenSlo(V1ALPHA.replace('unit: Day', 'unit: Second'));
    expect(!doc.ok && doc.errors[0].field).toBe('spec.timeWindows[0].unit');
  });

  it('lists every field it does not know as a warning of its document', () => {
    const text = sloYaml((d) => {
      (d.spec as Record<string, unknown>).owner = 'team-a';
      (d.metadata as Record<string, unknown>).namespace = 'prod';
    });
    const [doc] = parseOpenSlo(`${text}---\n${sloYaml().replaceAll('checkout-availability', 'other')}`);
    expect(doc.ok && doc.warnings).toEqual([
      'metadata.namespace is not an OpenSLO v1 field the portal knows: ignored',
      'spec.owner is not an OpenSLO v1 field the portal knows: ignored',
    ]);
  });
});
