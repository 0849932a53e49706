// The OpenSLO project's own examples (shared/fixtures/openslo, beside the repository): each one
// imports to the drafts below or is refused naming the field (SPEC 1.2).
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseOpenSlo } from './parse';
import type { SloDraft } from './types';

const FIXTURES = fileURLToPath(new URL('../../../shared/fixtures/openslo/', import.meta.url));
const read = (file: string) => fs.readFileSync(`${FIXTURES}${file}`, 'utf8');

const base = {
  description: '',
  latencyThresholdMs: null,
  windowDays: null,
  calendarUnit: null,
  timezone: 'UTC',
  timesliceTarget: null,
  sourceType: 'push',
  goodQuery: null,
  totalQuery: null,
  badQuery: null,
  alertMinEvents: null,
  runbookUrl: null,
} as const;

const EXPECTED: Record<string, SloDraft> = {
  'occurrences-slo.yaml': {
    ...base,
    slug: 'search-slo',
    name: 'Searching time',
    description: 'Regardless of the number of paraller searches it never should be more than 500ms.',
    serviceSlug: 'web-shop',
    sliKind: 'latency',
    latencyThresholdMs: 500,
    target: 0.99,
    windowType: 'rolling',
    windowDays: 14,
    budgetingMethod: 'occurrences',
  },
  'ratio-timeslices.yaml': {
    ...base,
    slug: 'main-page',
    name: 'Main page availability',
    description: 'Our main page should be available always',
    serviceSlug: 'web-shop',
    sliKind: 'ratio',
    target: 0.99,
    windowType: 'rolling',
    windowDays: 14,
    budgetingMethod: 'ratio-timeslices',
  },
  'low-traffic-timeslices-slo.yaml': {
    ...base,
    slug: 'service-availability',
    name: 'SLO for this important service',
    serviceSlug: 'web-availability',
    sliKind: 'ratio',
    target: 0.9995,
    windowType: 'calendar',
    calendarUnit: 'week',
    timezone: 'America/New_York',
    budgetingMethod: 'timeslices',
    timesliceTarget: 0.95,
  },
};

describe('OpenSLO fixtures', () => {
  it('finds all four example documents', () => {
    expect(fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.yaml'))).toHaveLength(4);
  });

  for (const [file, draft] of Object.entries(EXPECTED)) {
    it(`imports ${file}`, () => {
      const [doc, ...rest] = parseOpenSlo(read(file));
      expect(rest).toEqual([]);
      if (!doc.ok) throw new Error(JSON.stringify(doc.errors));
      expect(doc.kind).toBe('SLO');
      expect(doc.slos).toEqual([draft]);
      // "type: Any" cannot be queried: the SLO takes pushed samples, and says so.
      expect(doc.warnings.join('\n')).toContain('metricSource type "Any"');
    });
  }

  it('warns that a calendar startTime off a period boundary is ignored', () => {
    const [doc] = parseOpenSlo(read('low-traffic-timeslices-slo.yaml'));
    expect(doc.ok && doc.warnings).toContain(
      'spec.timeWindow[0].calendar.startTime "2022-01-01 12:00:00" is ignored: calendar weeks start on Monday at 00:00 in America/New_York',
    );
  });

  it('refuses the one-minute calendar window of timeslices-slo.yaml, naming the field and why', () => {
    const docs = parseOpenSlo(read('timeslices-slo.yaml'));
    expect(docs).toHaveLength(1);
    const [doc] = docs;
    expect(doc.ok).toBe(false);
    if (doc.ok) return;
    expect(doc).toMatchObject({ index: 0, kind: 'SLO', name: 'service-availability' });
    expect(doc.errors).toHaveLength(1);
    expect(doc.errors[0].field).toBe('spec.timeWindow[0].duration');
    expect(doc.errors[0].message).toMatch(/1m is 1 minute.*1w, 1M or 1Q.*write 1M/);
  });

  it('parses all four as one multi-document stream, each judged on its own', () => {
    const files = [
      'occurrences-slo.yaml',
      'ratio-timeslices.yaml',
      'timeslices-slo.yaml',
      'low-traffic-timeslices-slo.yaml',
    ];
    const docs = parseOpenSlo(files.map(read).join('\n---\n'));
    expect(docs.map((d) => [d.index, d.name, d.ok])).toEqual([
      [0, 'search-slo', true],
      [1, 'main-page', true],
      [2, 'service-availability', false],
      [3, 'service-availability', true],
    ]);
  });
});
