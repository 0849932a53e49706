// Bad-input sweep (issue 9, SPEC 7): every route handler and every server action,
// found from the code (so a new one cannot be forgotten), gets a battery of hostile
// input — malformed JSON, wrong types, missing and extra fields, NUL and invalid UTF-8,
// huge numbers and strings, oversized bodies, path and query abuse. Each answer must be
// a 4xx with a message (never a 5xx, never SQL or a stack, never an HTML error page
// sent as 200) and the database must not change. Requests pass through proxy.ts first,
// as Next sends them.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock('next-auth', async (orig) => ({
  ...(await orig<typeof import('next-auth')>()),
  getServerSession: async () => (session.userId ? { user: { id: session.userId }, sv: 0 } : null),
}));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.hoisted(() => {
  process.env.PGLITE_DATA_DIR = 'memory://sweep';
  process.env.AUTH_SECRET = 's'.repeat(40);
  process.env.NEXTAUTH_URL = 'http://localhost:3000';
  delete process.env.DATABASE_URL;
});

import { getDbHandle } from '@/db';
import { createToken } from '@/db/identity/tokens';
import { migrateDb } from '@/db/migrate';
import { users } from '@/db/schema';
import { ensureToilCategories } from '@/db/toil/categories';
import { TOKEN_SCOPES } from '@/lib/auth/roles';
import { proxy } from '@/proxy';
import { makeSlo, testActor } from '../helpers/fixtures';

const ROOT = path.resolve(__dirname, '../..');
const APP = path.join(ROOT, 'app');

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : [p];
  });
}

/** Every route handler file, with its URL pattern and dynamic segments. */
const ROUTES = walk(APP)
  .filter((f) => /\/route\.tsx?$/.test(f))
  .map((file) => {
    const segments = path
      .relative(APP, path.dirname(file))
      .split(path.sep)
      .filter((s) => !/^\(.*\)$/.test(s));
    return { file, segments };
  });

/** Every module with a top-level 'use server' directive: each export is a public endpoint. */
const ACTION_FILES = walk(APP).filter(
  (f) => /\.tsx?$/.test(f) && /^\s*(\/\/.*\n|\s)*['"]use server['"]/.test(fs.readFileSync(f, 'utf8')),
);

const ids = { viewer: '', admin: '' };
let token = '';
let slug = '';

beforeAll(async () => {
  const handle = await getDbHandle();
  await migrateDb(handle);
  for (const role of ['viewer', 'admin'] as const) {
    const [u] = await handle.db
      .insert(users)
      .values({ email: `${role}@sweep.io`, name: role, role })
      .returning();
    ids[role] = u.id;
  }
  token = (await createToken(handle.db, testActor, { name: 'all', scopes: [...TOKEN_SCOPES] })).token;
  slug = (await makeSlo(handle.db)).slug;
  await ensureToilCategories(handle.db); // the defaults every toil route creates on first use
});
afterAll(async () => (await getDbHandle()).close());

/** A fingerprint of every table's rows (tokens' last-used stamps and login failures excluded). */
async function fingerprint(): Promise<string> {
  const { db } = await getDbHandle();
  const tables = (await db.execute(
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  )) as unknown as { rows?: Array<{ table_name: string }> } & Array<{ table_name: string }>;
  const names = (tables.rows ?? tables).map((t) => t.table_name);
  const parts: string[] = [];
  for (const name of names) {
    // Tokens' last-used stamps, the sign-in limiter and the computed snapshot cache are not client data.
    if (['api_tokens', 'login_failures', 'slo_snapshots', '__drizzle_migrations'].includes(name)) continue;
    const r = (await db.execute(
      sql.raw(
        `select count(*)::text || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as f from "${name}" t`,
      ),
    )) as unknown as { rows?: Array<{ f: string }> } & Array<{ f: string }>;
    parts.push(`${name}=${(r.rows ?? r)[0].f}`);
  }
  return parts.join('\n');
}

const HUGE = 'x'.repeat(300_000);
const BIG_BODY = `{"samples":[${'{"ts":"2026-11-01T10:05:00Z","good":1,"total":1},'.repeat(50_000)}{}]}`;
const INVALID_UTF8 = new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc0, 0xae, 0x22, 0x7d]);

const SEGMENT_VALUES = [
  '%00',
  '%C0%AE%C0%AE',
  'a%00b',
  `${'a'.repeat(3000)}`,
  '..%2F..%2Fetc',
  "x'%20or%201=1--",
];
const QUERIES = [
  '?service=%00',
  '?page=99999999999999999999',
  '?q=%00&team=%00',
  '?dryRun=yes',
  '?dryRun=0&dryRun=1',
  '?from=2026-02-30&to=9999-99-99',
  '?change=%00',
  '?format=%C0%AE',
  `?q=${'a'.repeat(5000)}`,
];
const BODIES: Array<BodyInit> = [
  '{',
  '[]',
  'null',
  '"text"',
  '{"samples":"x"}',
  '{"samples":[{"ts":"2026-02-30T10:00:00Z","good":1e308,"total":1e308}]}',
  '{"samples":[{"ts":"2026-11-01T10:00:00Z","good":-1,"total":"a"}],"extra":true}',
  '{"user":"a@b.c","task":"a\\u0000b","category":"x","minutes":1e308,"notes":"\\u0000"}',
  '{"task":{"$gt":""},"minutes":[1,2]}',
  `{"task":"${HUGE}"}`,
  'apiVersion: openslo/v1\nkind: SLO\nmetadata:\n  name: "a\\0b"\n  displayName: "a\\0b"\n',
  INVALID_UTF8,
  BIG_BODY,
];

function urlFor(segments: string[], value: string): string {
  return `http://localhost:3000/${segments
    .map((s) => (s.startsWith('[...') ? `${value}/x` : s.startsWith('[') ? value : s))
    .join('/')}`;
}

function paramsFor(segments: string[], url: string) {
  const parts = new URL(url).pathname.split('/').slice(1);
  const out: Record<string, string | string[]> = {};
  segments.forEach((s, i) => {
    const m = /^\[(\.\.\.)?(.+)\]$/.exec(s);
    if (!m) return;
    const raw = m[1] ? parts.slice(i) : parts[i];
    const dec = (v: string) => {
      try {
        return decodeURIComponent(v);
      } catch {
        return v;
      }
    };
    out[m[2]] = Array.isArray(raw) ? raw.map(dec) : dec(raw ?? '');
  });
  return { params: Promise.resolve(out) };
}

/** Handlers that only run inside Next's request scope: swept over HTTP against the real server instead. */
const SWEPT_ELSEWHERE: Record<string, { by: string }> = {
  '/api/auth/[...nextauth]': { by: 'e2e/hardening.spec.ts' },
};

type Handler = (req: Request, ctx: unknown) => Promise<Response>;

/** Sends a request as Next would: proxy.ts first, then the handler if the proxy lets it through. */
async function send(handler: Handler, segments: string[], url: string, init: RequestInit): Promise<Response> {
  const req = new NextRequest(url, init as ConstructorParameters<typeof NextRequest>[1]);
  const early = proxy(req);
  if (!early.headers.get('x-middleware-next')) return early;
  return handler(
    new NextRequest(url, init as ConstructorParameters<typeof NextRequest>[1]),
    paramsFor(segments, url),
  );
}

async function expectRefusal(res: Response, what: string) {
  expect(res.status, `${what} → ${res.status}`).toBeLessThan(500);
  const text = await res.text();
  expect(text, what).not.toMatch(/Failed query|select .* from|params:|at .*\.(ts|js):\d+|TypeError|stack/i);
  if (res.status === 200) expect(res.headers.get('content-type') ?? '', what).not.toMatch(/html/);
  if (res.status >= 400 && (res.headers.get('content-type') ?? '').includes('json')) {
    const body = JSON.parse(text);
    const explained = typeof body.error === 'string' || typeof body.message === 'string' || body.errors;
    expect(explained, `${what}: ${text}`).toBeTruthy();
  }
}

describe('bad-input sweep: every route handler', () => {
  it('finds the route handlers and server actions from the code', () => {
    expect(ROUTES.length).toBeGreaterThan(10);
    expect(ACTION_FILES.length).toBeGreaterThan(5);
  });

  for (const route of ROUTES) {
    const name = `/${route.segments.join('/')}`;
    const elsewhere = SWEPT_ELSEWHERE[name];
    if (elsewhere) {
      it(`${name} is swept by ${elsewhere.by}`, () => {
        expect(fs.existsSync(path.join(ROOT, elsewhere.by))).toBe(true);
        expect(fs.readFileSync(path.join(ROOT, elsewhere.by), 'utf8')).toContain(name);
      });
      continue;
    }
    it(`${name} refuses hostile input without a 5xx or a write`, async () => {
      const mod = (await import(route.file)) as Record<string, Handler>;
      const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].filter((m) => typeof mod[m] === 'function');
      expect(methods.length).toBeGreaterThan(0);
      const before = await fingerprint();
      for (const who of [null, ids.viewer, ids.admin]) {
        session.userId = who;
        const headers = { authorization: `Bearer ${token}`, origin: 'http://localhost:3000' };
        for (const method of methods) {
          const hasDynamic = route.segments.some((s) => s.startsWith('['));
          const goodUrl = urlFor(route.segments, slug);
          const urls = [
            ...(hasDynamic ? SEGMENT_VALUES.map((v) => urlFor(route.segments, v)) : []),
            ...QUERIES.map((q) => goodUrl + q),
          ];
          for (const url of urls) {
            const res = await send(mod[method], route.segments, url, { method, headers });
            await expectRefusal(res, `${method} ${url.slice(0, 120)}`);
          }
          if (method !== 'GET') {
            for (const body of BODIES) {
              const res = await send(mod[method], route.segments, `${goodUrl}?dryRun=1`, {
                method,
                headers: { ...headers, 'content-type': 'application/json' },
                body,
              });
              await expectRefusal(res, `${method} ${name} body ${String(body).slice(0, 60)}`);
            }
          }
        }
      }
      session.userId = null;
      expect(await fingerprint()).toBe(before);
    });
  }
});

describe('bad-input sweep: every server action', () => {
  const forms = (): unknown[] => {
    const out: unknown[] = [];
    const add = (entries: Record<string, string>) => {
      const f = new FormData();
      for (const [k, v] of Object.entries(entries)) f.append(k, v);
      out.push(f);
    };
    add({});
    add({ id: 'not-a-uuid', version: 'x', slug: '\u0000' });
    add({ id: '\u0000', sloId: 'not-a-uuid', teamId: '%C0%AE', serviceId: "x' or 1=1" });
    add({ name: '\u0000', slug: 'a\u0000b', task: 'a\u0000', notes: '\u0000', csv: 'date,task\n\u0000' });
    add({ name: HUGE, slug: HUGE, minutes: '1e308', version: '99999999999999999999', page: '-1' });
    add({
      csv: 'date,task,category,minutes\n2026-01-01,a,b,1,extra,extra\n=1+1,@x,-y,+z',
      intent: 'preview',
    });
    add({ startsAt: '0001-01-01T00:00', endsAt: '9999-12-31T00:00', reason: 'hide it', slug });
    add({ yaml: 'kind: SLO\nmetadata: {name: "a\\0b", displayName: "a\\0b"}', intent: 'preview' });
    out.push(null, undefined, 'string', 42, { id: 'x' });
    return out;
  };

  for (const file of ACTION_FILES) {
    const name = path.relative(APP, file);
    it(`${name}: every export refuses forged and hostile calls without a throw or a write`, async () => {
      const mod = (await import(file)) as Record<string, (...args: unknown[]) => Promise<unknown>>;
      const actions = Object.entries(mod).filter(([, v]) => typeof v === 'function');
      expect(actions.length).toBeGreaterThan(0);
      const before = await fingerprint();
      for (const who of [null, ids.viewer, ids.admin]) {
        session.userId = who;
        for (const [exportName, action] of actions) {
          for (const form of forms()) {
            const result = await action({ ok: false }, form).then(
              (r) => r,
              (err) => {
                throw new Error(`${exportName} threw: ${(err as Error).message}`);
              },
            );
            const text = JSON.stringify(result ?? null);
            expect(text, exportName).not.toMatch(/Failed query|select .* from|params:|TypeError|stack/i);
          }
          // The other calling convention some actions use: (id, values).
          for (const args of [
            [null, {}],
            ['not-a-uuid', { name: '\u0000' }],
            ['\u0000', null],
          ]) {
            await action(...args).catch((err) => {
              throw new Error(`${exportName}(${String(args[0])}) threw: ${(err as Error).message}`);
            });
          }
        }
      }
      session.userId = null;
      expect(await fingerprint()).toBe(before);
    });
  }
});
