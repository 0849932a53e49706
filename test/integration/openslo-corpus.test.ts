// OpenSLO documents written by other projects (test/fixtures/openslo-corpus, sources and licences
// in SOURCES.md), imported through POST /api/v1/openslo: each document either imports with the
// right target, window, budgeting method and SLI, or is refused naming the field; never a 5xx;
// and what the portal exports imports back unchanged.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  process.env.PGLITE_DATA_DIR = 'memory://openslo-corpus';
  process.env.DATABASE_URL = '';
  delete process.env.DATABASE_URL;
});

import { GET, POST } from '@/app/api/v1/openslo/route';
import { getDbHandle } from '@/db';
import { createToken } from '@/db/identity/tokens';
import { migrateDb } from '@/db/migrate';
import { getSloRow, prometheusQueries } from '@/db/slo/slos';
import type { ImportResult } from '@/lib/openslo';
import { testActor } from '../helpers/fixtures';

const CORPUS = fileURLToPath(new URL('../fixtures/openslo-corpus/', import.meta.url));
const read = (f: string) => fs.readFileSync(`${CORPUS}${f}`, 'utf8');

type Expected =
  | ['service', string]
  | ['error', string]
  | {
      slug: string;
      target: number;
      window: string;
      method: string;
      sli: 'ratio' | 'latency';
      prometheus: [string, string] | null;
    };
const slo = (
  slug: string,
  target: number,
  window: string,
  method: string,
  sli: 'ratio' | 'latency',
  prometheus: [string, string] | null,
): Expected => ({ slug, target, window, method, sli, prometheus });

/** Per file, per document (an SLO document with several objectives gives one entry per SLO). */
const EXPECTED: Record<string, Expected[]> = {
  'gosdk-decode-sequence-of-objects.yaml': [
    ['service', 'users-auth'],
    ['service', 'users-login'],
  ],
  // No timeWindow at all: the portal needs one.
  'gosdk-decode-v1-slos.yaml': [['error', 'spec.timeWindow']],
  'gosdk-encode-v1-slo.yaml': [['error', 'spec.timeWindow']],
  // The same Service twice in one file.
  'gosdk-v1-services.yaml': [
    ['service', 'example-service'],
    ['error', 'metadata.name'],
  ],
  'gosdk-v1-slis.yaml': [
    ['error', 'kind'],
    ['error', 'kind'],
    ['error', 'kind'],
    ['error', 'kind'],
  ],
  'gosdk-v1-slos.yaml': [
    slo('web-availability', 0.995, 'calendar week', 'timeslices', 'ratio', [
      'http_requests{k8s_cluster="prod",component="web",code=~"2xx|4xx"}',
      'http_requests{k8s_cluster="prod",component="web"}',
    ]),
  ],
  'gosdk-v1alpha-services.yaml': [['service', 'example-service']],
  'gosdk-v1alpha-slos.yaml': [
    // A single Prometheus query with op gt: not a latency SLI the portal can compute.
    ['error', 'spec.indicator.spec.thresholdMetric.metricSource.type'],
    slo('web-availability-ratio', 0.995, 'calendar week', 'timeslices', 'ratio', null),
  ],
  'openslo-low-traffic-timeslices.yaml': [
    slo('service-availability', 0.9995, 'calendar week', 'timeslices', 'ratio', null),
  ],
  'openslo-occurrences-slo.yaml': [slo('search-slo', 0.99, '14d', 'occurrences', 'latency', null)],
  'openslo-ratio-timeslices.yaml': [slo('main-page', 0.99, '14d', 'ratio-timeslices', 'ratio', null)],
  // duration: 1m with isRolling false: a one-minute calendar window.
  'openslo-timeslices-slo.yaml': [['error', 'spec.timeWindow[0].duration']],
  'oslo-format-invalid-service.yaml': [['error', 'metadata.name']],
  'oslo-format-list-of-services.yaml': [
    ['service', 'my-service-1'],
    ['service', 'my-service-2'],
  ],
  'oslo-format-two-documents.yaml': [
    ['service', 'my-service-1'],
    ['service', 'my-service-2'],
    ['service', 'my-service-3'],
  ],
  'oslo-validate-invalid-apiversion.yaml': [['error', 'apiVersion']],
  'oslo-validate-mix-1.yaml': [['error', 'metadata.name']],
  'oslo-validate-mix-2.yaml': [['error', 'metadata.name']],
  'oslo-validate-mix-3.yaml': [['error', 'apiVersion']],
  'oslo-validate-unknown-field.yaml': [['error', 'metadata.name']],
  'oslo-validate-v1.yaml': [
    slo('web-availability', 0.995, 'calendar week', 'timeslices', 'ratio', [
      'http_requests{k8s_cluster="prod",component="web",code=~"2xx|4xx"}',
      'http_requests{k8s_cluster="prod",component="web"}',
    ]),
    ['service', 'example-service'],
    ['error', 'metadata.name'],
  ],
  'oslo-validate-v1alpha.yaml': [
    ['error', 'metadata.name'],
    ['service', 'this'],
    ['error', 'spec.objectives[0].timeSliceTarget'],
    ['error', 'spec.indicator.spec.thresholdMetric.metricSource.type'],
  ],
  'oslo-validate-v2alpha.yaml': [
    ['error', 'apiVersion'],
    ['error', 'apiVersion'],
    ['error', 'apiVersion'],
  ],
  'slogen-template-sample.yaml': [slo('slo-minimal-name', 0.98, '1d', 'occurrences', 'ratio', null)],
  'slogen-tracing-order-api-errors.yaml': [['error', 'spec.timeWindow']],
  // duration: Week is not OpenSLO's shorthand (1w).
  'slogen-v1-logs-req-calendar.yaml': [['error', 'spec.timeWindow[0].duration']],
  'slogen-v1-logs-req-rolling.yaml': [['error', 'metadata.name']],
  'slogen-v1-logs-req-threshold-based.yaml': [['error', 'spec.timeWindow[0].duration']],
  'sloth-openslo-getting-started.yaml': [
    slo('sloth-slo-my-service', 0.999, '30d', 'occurrences', 'ratio', [
      'http_request_duration_seconds_count{job="myservice",code!~"(5..|429)"}',
      'http_request_duration_seconds_count{job="myservice"}',
    ]),
  ],
  'sloth-openslo-kubernetes-apiserver.yaml': [
    slo('requests-availability-openslo', 0.999, '30d', 'occurrences', 'ratio', [
      'apiserver_request_total{code!~"(5..|429)"}',
      'apiserver_request_total',
    ]),
    slo('requests-latency-openslo-1', 0.99, '30d', 'occurrences', 'ratio', [
      'apiserver_request_duration_seconds_bucket{le="0.4",verb!="WATCH"}',
      'apiserver_request_duration_seconds_count{verb!="WATCH"}',
    ]),
    slo('requests-latency-openslo-2', 0.999, '30d', 'occurrences', 'ratio', [
      'apiserver_request_duration_seconds_bucket{le="5",verb!="WATCH"}',
      'apiserver_request_duration_seconds_count{verb!="WATCH"}',
    ]),
  ],
};

let writeToken = '';
let readToken = '';
beforeAll(async () => {
  const handle = await getDbHandle();
  await migrateDb(handle);
  writeToken = (await createToken(handle.db, testActor, { name: 'importer', scopes: ['sli:write'] })).token;
  readToken = (await createToken(handle.db, testActor, { name: 'reader', scopes: ['read'] })).token;
});
afterAll(async () => (await getDbHandle()).close());

const post = (body: string, query = '') =>
  POST(
    new Request(`http://x/api/v1/openslo${query}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${writeToken}`, 'content-type': 'application/yaml' },
      body,
    }),
  );

describe('OpenSLO documents from other projects', () => {
  it('lists every corpus file in SOURCES.md and has an expectation for it', () => {
    const files = fs.readdirSync(CORPUS).filter((f) => f.endsWith('.yaml'));
    const sources = read('SOURCES.md');
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const f of files) expect(sources, f).toContain(f);
  });

  for (const [file, expected] of Object.entries(EXPECTED)) {
    it(`${file}: imports with the right numbers or is refused naming the field`, async () => {
      const res = await post(read(file));
      expect(res.status, file).toBeLessThan(500);
      const result = (await res.json()) as ImportResult;
      const got: Expected[] = [];
      const { db } = await getDbHandle();
      for (const d of result.documents) {
        if (d.status === 'error') {
          for (const e of d.errors ?? []) expect(e.message.length, `${file}: ${e.field}`).toBeGreaterThan(10);
          got.push(['error', d.errors?.[0]?.field ?? '']);
        } else if (d.kind === 'Service') got.push(['service', d.name]);
        else {
          for (const s of d.slos ?? []) {
            const row = await getSloRow(db, s.slug);
            if (!row) throw new Error(`${s.slug} was not stored`);
            const q = prometheusQueries(row);
            got.push({
              slug: row.slug,
              target: row.target,
              window: row.windowType === 'calendar' ? `calendar ${row.calendarUnit}` : `${row.windowDays}d`,
              method: row.budgetingMethod,
              sli: row.sliKind as 'ratio' | 'latency',
              prometheus: q ? [q.goodQuery, q.totalQuery] : null,
            });
          }
        }
      }
      expect(got, file).toEqual(expected);
      expect(res.status).toBe(result.errors > 0 ? 422 : 200);
    });
  }

  it('reports fields it does not know, per document, and converts v1alpha', async () => {
    const res = await post(read('slogen-template-sample.yaml'), '?dryRun=1');
    const [doc] = ((await res.json()) as ImportResult).documents;
    expect(doc.warnings).toEqual(
      expect.arrayContaining([
        'openslo/v1alpha converted to openslo/v1',
        'fields is not an OpenSLO v1 field the portal knows: ignored',
        'burnRateAlerts is not an OpenSLO v1 field the portal knows: ignored',
      ]),
    );
  });

  it('exports what it imported, and the export imports back unchanged', async () => {
    const exported = await (
      await GET(new Request('http://x/api/v1/openslo', { headers: { authorization: `Bearer ${readToken}` } }))
    ).text();
    expect(exported).toContain('sloth-slo-my-service');
    const res = await post(exported);
    expect(res.status).toBe(200);
    const result = (await res.json()) as ImportResult;
    expect(result.errors).toBe(0);
    expect(result.documents.every((d) => d.status === 'unchanged')).toBe(true);
  });

  it('never moves an SLO to another service silently', async () => {
    const moved = read('sloth-openslo-getting-started.yaml').replace(
      'service: my-service',
      'service: other-service',
    );
    const refused = await post(moved);
    expect(refused.status).toBe(422);
    const [doc] = ((await refused.json()) as ImportResult).documents;
    expect(doc.errors?.[0]).toMatchObject({
      field: 'spec.service',
      message: expect.stringMatching(/already exists under service my-service.*moveSlos=1/),
    });
    const { db } = await getDbHandle();
    expect((await getSloRow(db, 'sloth-slo-my-service'))?.serviceSlug).toBe('my-service');
    const ok = await post(moved, '?moveSlos=1');
    expect(ok.status).toBe(200);
    expect((await getSloRow(db, 'sloth-slo-my-service'))?.serviceSlug).toBe('other-service');
  });

  it('takes dryRun only as 1, true, 0 or false', async () => {
    const body = read('oslo-format-list-of-services.yaml');
    for (const bad of ['yes', '2', '', 'TRUE']) {
      const res = await post(body, `?dryRun=${bad}`);
      expect(res.status, bad).toBe(400);
      expect(await res.json()).toMatchObject({ fieldErrors: { dryRun: expect.any(Array) } });
    }
    for (const [value, dryRun] of [
      ['1', true],
      ['true', true],
      ['0', false],
      ['false', false],
    ] as const) {
      const res = await post(body, `?dryRun=${value}`);
      expect(res.status, value).toBe(200);
      expect(((await res.json()) as ImportResult).dryRun).toBe(dryRun);
    }
  });
});
