// GET/POST /api/v1/openslo as Next calls them, on an embedded database of their own.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseAllDocuments } from 'yaml';

vi.hoisted(() => {
  process.env.PGLITE_DATA_DIR = 'memory://openslo';
  process.env.DATABASE_URL = '';
  delete process.env.DATABASE_URL;
});

import { GET, POST } from '@/app/api/v1/openslo/route';
import { getDbHandle } from '@/db';
import { createToken } from '@/db/identity/tokens';
import { migrateDb } from '@/db/migrate';
import { slos } from '@/db/schema';
import { testActor } from '../helpers/fixtures';

const FIXTURES = fileURLToPath(new URL('../../../shared/fixtures/openslo/', import.meta.url));
const fixture = (f: string) => fs.readFileSync(`${FIXTURES}${f}`, 'utf8');

let writeToken = '';
let readToken = '';

beforeAll(async () => {
  const handle = await getDbHandle();
  await migrateDb(handle);
  writeToken = (await createToken(handle.db, testActor, { name: 'importer', scopes: ['sli:write'] })).token;
  readToken = (await createToken(handle.db, testActor, { name: 'reader', scopes: ['read'] })).token;
});
afterAll(async () => (await getDbHandle()).close());

const sloCount = async () => (await (await getDbHandle()).db.select({ n: count() }).from(slos))[0].n;
const post = (body: string, { token = writeToken, query = '' } = {}) =>
  POST(
    new Request(`http://x/api/v1/openslo${query}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/yaml' },
      body,
    }),
  );
const get = (token = readToken) =>
  GET(new Request('http://x/api/v1/openslo', token ? { headers: { authorization: `Bearer ${token}` } } : {}));

describe('POST /api/v1/openslo', () => {
  it('previews with ?dryRun=1 without writing', async () => {
    const res = await post(fixture('occurrences-slo.yaml'), { query: '?dryRun=1' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      dryRun: true,
      created: 1,
      documents: [
        {
          index: 0,
          kind: 'SLO',
          name: 'search-slo',
          status: 'would-create',
          slos: [{ slug: 'search-slo', status: 'would-create' }],
        },
      ],
    });
    expect(await sloCount()).toBe(0);
  });

  it('answers 200 when every document imported', async () => {
    const res = await post(fixture('occurrences-slo.yaml'));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      dryRun: false,
      created: 1,
      errors: 0,
      documents: [{ status: 'created' }],
    });
    expect(await sloCount()).toBe(1);
  });

  it('answers 422 listing every document when some were refused, importing the others', async () => {
    const body = [
      fixture('ratio-timeslices.yaml'),
      fixture('timeslices-slo.yaml'),
      fixture('occurrences-slo.yaml'),
    ].join('---\n');
    const res = await post(body);
    expect(res.status).toBe(422);
    const result = await res.json();
    expect(result.documents.map((d: { status: string }) => d.status)).toEqual([
      'created',
      'error',
      'unchanged',
    ]);
    expect(result.documents[1].errors[0].field).toBe('spec.timeWindow[0].duration');
    expect(await sloCount()).toBe(2);
  });

  it('answers 400 for a body that is not YAML, or not OpenSLO at all', async () => {
    for (const body of ['', 'key: [unclosed', 'just words']) {
      const res = await post(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((await res.json()).fieldErrors.body).toHaveLength(1);
    }
  });

  it('answers 413 above 1 MiB', async () => {
    expect((await post(`# ${'x'.repeat(1024 * 1024)}`)).status).toBe(413);
  });

  it('answers 401 without a valid token and 403 for a read-only token', async () => {
    expect((await post(fixture('occurrences-slo.yaml'), { token: 'srep_bogus' })).status).toBe(401);
    expect((await post(fixture('occurrences-slo.yaml'), { token: readToken })).status).toBe(403);
  });
});

describe('GET /api/v1/openslo', () => {
  it('exports the services and SLOs as multi-document YAML', async () => {
    const res = await get();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/yaml; charset=utf-8');
    const docs = parseAllDocuments(await res.text()).map((d) => d.toJS());
    expect(docs.map((d) => `${d.kind}/${d.metadata.name}`)).toEqual([
      'Service/web-shop',
      'SLO/main-page',
      'SLO/search-slo',
    ]);
  });

  it('answers 401 without a token and 403 for a token without read', async () => {
    expect((await get('')).status).toBe(401);
    expect((await get(writeToken)).status).toBe(403);
  });

  it('re-imports its own export as unchanged', async () => {
    const res = await post(await (await get()).text());
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ created: 0, updated: 0, unchanged: 3, errors: 0 });
  });
});
