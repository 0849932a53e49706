import { describe, expect, it } from 'vitest';
import { notOpenSlo, parseOpenSlo } from './parse';
import { drafts, errors, fields, objective, only, patch, sloYaml, spec, window0 } from './testing';

describe('parseOpenSlo: SLO mapping', () => {
  it('maps a Prometheus ratio SLO onto the exact sloInput shape', () => {
    expect(drafts(sloYaml())).toEqual([
      {
        slug: 'checkout-availability',
        name: 'Checkout availability',
        description: '',
        serviceSlug: 'checkout',
        sliKind: 'ratio',
        latencyThresholdMs: null,
        target: 0.999,
        windowType: 'rolling',
        windowDays: 28,
        calendarUnit: null,
        timezone: 'UTC',
        budgetingMethod: 'occurrences',
        timesliceTarget: null,
        sourceType: 'prometheus',
        goodQuery: 'http_requests_total{job="checkout",code!~"5.."}',
        totalQuery: 'http_requests_total{job="checkout"}',
        alertMinEvents: null,
        badQuery: null,
        runbookUrl: null,
      },
    ]);
  });

  it('lists every error of a document, not just the first', () => {
    const text = sloYaml((d) => {
      spec(d).service = 'Checkout Service';
      spec(d).budgetingMethod = 'Weekly';
      window0(d).duration = '1m';
      window0(d).isRolling = false;
      spec(d).objectives = [{ target: 0.99 }, { target: 1.5 }, { targetPercent: 99, target: 0.99 }];
    });
    expect(fields(text)).toEqual([
      'spec.service',
      'spec.timeWindow[0].duration',
      'spec.budgetingMethod',
      'spec.objectives[1].target',
      'spec.objectives[2].targetPercent',
    ]);
    expect(errors(text)[3].message).toContain('Below 100%');
  });

  it('turns several objectives into one SLO each, slugged by the objective name or its position', () => {
    const slos = drafts(
      sloYaml((d) => {
        spec(d).objectives = [
          { displayName: 'Internal objective', target: 0.995 },
          { displayName: 'SLA', target: 0.99 },
          { target: 0.9 },
        ];
      }),
    );
    expect(slos.map((s) => [s.slug, s.name, s.target])).toEqual([
      ['checkout-availability-internal-objective', 'Checkout availability — Internal objective', 0.995],
      ['checkout-availability-sla', 'Checkout availability — SLA', 0.99],
      ['checkout-availability-3', 'Checkout availability — objective 3', 0.9],
    ]);
    const twins = sloYaml((d) => {
      spec(d).objectives = [
        { displayName: 'Fast', target: 0.9 },
        { displayName: 'fast', target: 0.99 },
      ];
    });
    expect(fields(twins)).toEqual(['spec.objectives[1].displayName']);
  });

  it('reads target or targetPercent, never both', () => {
    expect(
      drafts(sloYaml((d) => patch(objective(d), { targetPercent: 99.9, target: undefined })))[0].target,
    ).toBe(0.999);
    expect(fields(sloYaml((d) => patch(objective(d), { target: undefined })))).toEqual([
      'spec.objectives[0].target',
    ]);
    expect(fields(sloYaml((d) => patch(objective(d), { target: 'high' })))).toEqual([
      'spec.objectives[0].target',
    ]);
  });
});

describe('parseOpenSlo: documents', () => {
  it('reads Service documents and refuses unsupported versions and kinds', () => {
    const service =
      'apiVersion: openslo/v1\nkind: Service\nmetadata:\n  name: web-shop\n  displayName: Web shop\n  annotations:\n    sre-portal.io/tier: "1"\nspec:\n  description: Sells things\n';
    expect(only(service)).toEqual({
      index: 0,
      kind: 'Service',
      name: 'web-shop',
      ok: true,
      service: { slug: 'web-shop', name: 'Web shop', description: 'Sells things', tier: 1 },
      warnings: [],
    });
    expect(fields(service.replace('web-shop', 'Web_Shop'))).toEqual(['metadata.name']);
    expect(fields(service.replace('openslo/v1', 'openslo/v2alpha'))).toEqual(['apiVersion']);
    expect(only(service.replace('openslo/v1', 'openslo/v1alpha'))).toMatchObject({
      ok: true,
      warnings: ['openslo/v1alpha converted to openslo/v1'],
    });
    expect(fields(service.replace('kind: Service', 'kind: AlertPolicy'))).toEqual(['kind']);
  });

  it('skips empty documents, reports syntax errors per document and refuses a second definition of a slug', () => {
    const text = `---\n# nothing here\n---\n${sloYaml()}---\nkind: [unclosed\n---\n${sloYaml()}`;
    const docs = parseOpenSlo(text);
    expect(docs.map((d) => [d.index, d.ok])).toEqual([
      [1, true],
      [2, false],
      [3, false],
    ]);
    expect(!docs[1].ok && docs[1].errors[0].field).toBe('yaml');
    expect(!docs[2].ok && docs[2].errors[0].message).toContain('already defined by document 2');
    expect(notOpenSlo(docs)).toBeNull();
  });

  it('says when a text is not OpenSLO YAML at all', () => {
    expect(notOpenSlo(parseOpenSlo(''))).toContain('No YAML documents');
    expect(notOpenSlo(parseOpenSlo('just some words'))).toContain('Not OpenSLO YAML');
    expect(notOpenSlo(parseOpenSlo('{ "a": [1, 2'))).toContain('Not OpenSLO YAML');
  });
});
