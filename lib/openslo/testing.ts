// Helpers for the OpenSLO unit tests: a valid SLO document to change, and short ways to read the result.
import { expect } from 'vitest';
import { stringify } from 'yaml';
import { parseOpenSlo } from './parse';
import type { FieldError, ParsedDocument, SloDraft, YamlMap } from './types';

export type Edit = (doc: { metadata: YamlMap; spec: YamlMap }) => void;

/** A valid OpenSLO SLO document, changed by `edit`. */
export function sloYaml(edit: Edit = () => {}): string {
  const doc = {
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    metadata: { name: 'checkout-availability', displayName: 'Checkout availability' } as YamlMap,
    spec: {
      service: 'checkout',
      indicator: {
        metadata: { name: 'checkout-ok' },
        spec: {
          ratioMetric: {
            counter: true,
            good: {
              metricSource: {
                type: 'Prometheus',
                spec: { query: 'http_requests_total{job="checkout",code!~"5.."}' },
              },
            },
            total: {
              metricSource: { type: 'Prometheus', spec: { query: 'http_requests_total{job="checkout"}' } },
            },
          },
        },
      },
      timeWindow: [{ duration: '28d', isRolling: true }],
      budgetingMethod: 'Occurrences',
      objectives: [{ displayName: 'Good', target: 0.999 }],
    } as YamlMap,
  };
  edit(doc);
  return stringify(doc);
}

export const spec = (d: { spec: YamlMap }) => d.spec;
export const objective = (d: { spec: YamlMap }, i = 0) => (d.spec.objectives as YamlMap[])[i];
export const window0 = (d: { spec: YamlMap }) => (d.spec.timeWindow as YamlMap[])[0];
export const indicatorSpec = (d: { spec: YamlMap }) => (d.spec.indicator as { spec: YamlMap }).spec;

/** Sets keys of a part of the document; undefined removes the key. */
export function patch(target: YamlMap, changes: YamlMap): void {
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete target[key];
    else target[key] = value;
  }
}

export function only(text: string): ParsedDocument {
  const docs = parseOpenSlo(text);
  expect(docs).toHaveLength(1);
  return docs[0];
}
export function drafts(text: string): SloDraft[] {
  const doc = only(text);
  if (!doc.ok) throw new Error(`refused: ${JSON.stringify(doc.errors)}`);
  return doc.slos ?? [];
}
export function errors(text: string): FieldError[] {
  const doc = only(text);
  if (doc.ok) throw new Error('expected the document to be refused');
  return doc.errors;
}
export const fields = (text: string) => errors(text).map((e) => e.field);
