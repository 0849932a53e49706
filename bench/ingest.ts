// Ingestion (issue #17, target 5): samples through POST /api/v1/slos/{slug}/samples
// against the same writes done directly in SQL (COPY into staging + INSERT … ON
// CONFLICT), in the same run, with the same batches and concurrency.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql as dsql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import type { Executor } from '@/db/client';
import { createToken } from '@/db/identity/tokens';
import { recomputeRollupsBetween, writeSamples } from '@/db/slo/samples';
import { ensureDataset } from './dataset';
import { BENCH_URL, benchServer, heading, QUICK, report, reportRate } from './lib';

const BATCH = 10_000;
const BATCHES = QUICK ? 8 : 40; // 400,000 samples per method (80,000 with --quick)
const CONCURRENCY = 4;

/** Minutes far in the past of the window (fresh keys per run), one SLO per batch. */
function batches(offsetDays: number) {
  const base = Math.floor(Date.now() / 60_000) * 60_000 - offsetDays * 86_400_000;
  return Array.from({ length: BATCHES }, (_, b) => ({
    slug: `bench-slo-${1 + b}`,
    samples: Array.from({ length: BATCH }, (_, i) => ({
      ts: new Date(base - i * 60_000).toISOString(),
      good: 990,
      total: 1000,
    })),
  }));
}

async function runPool<T>(items: T[], n: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < items.length) await fn(items[next++]);
    }),
  );
}

export async function benchIngest() {
  heading(`Ingestion (${(BATCH * BATCHES).toLocaleString('en')} samples in batches of 10,000, 4 in flight)`);
  const handle = await ensureDataset();
  const token = (
    await createToken(
      handle.db,
      { type: 'system', label: 'bench' },
      { name: `ingest-${Date.now()}`, scopes: ['sli:write'] },
    )
  ).token;
  await handle.close();
  const slice = Math.floor(Date.now() / 1000) % 100; // a different stretch of the retention each run
  const pg = postgres(BENCH_URL, { max: CONCURRENCY, onnotice: () => {} });
  const ids = new Map(
    (await pg`select slug, id::text from slos where slug like 'bench-slo-%'`).map((r) => [
      r.slug as string,
      r.id as string,
    ]),
  );
  const copyInto = async (tx: postgres.TransactionSql, b: ReturnType<typeof batches>[number]) => {
    await tx`create temp table staging (minute timestamptz, good float8, total float8) on commit drop`;
    const copy = await tx`copy staging from stdin`.writable();
    await pipeline(Readable.from(b.samples.map((s) => `${s.ts}\t${s.good}\t${s.total}\n`)), copy);
  };
  const timed = async (fn: () => Promise<void>) => {
    const t0 = performance.now();
    await fn();
    return (BATCH * BATCHES) / ((performance.now() - t0) / 1000);
  };

  // Reference 1: raw rows only, the cheapest write there is.
  const rawRate = await timed(() =>
    runPool(batches(40 + slice), CONCURRENCY, async (b) => {
      await pg.begin(async (tx) => {
        await copyInto(tx, b);
        await tx`insert into sli_samples (slo_id, minute, good, total) select ${ids.get(b.slug) as string}::uuid, minute, good, total from staging
                 on conflict (slo_id, minute) do update set good = excluded.good, total = excluded.total`;
      });
    }),
  );
  report('direct SQL, raw rows only (COPY + INSERT … ON CONFLICT)', rawRate / 1000, 'k samples/s');

  // Reference 2: the same data the portal stores — running day sums and the hourly and
  // daily rollups — written directly in SQL.
  const orm = drizzle(pg);
  const fullRate = await timed(() =>
    runPool(batches(150 + slice), CONCURRENCY, async (b) => {
      await orm.transaction(async (tx) => {
        // COPY through the transaction's own postgres.js connection, the upserts through the portal's SQL.
        const raw = (tx as unknown as { session: { client: postgres.TransactionSql } }).session.client;
        await copyInto(raw, b);
        const db = tx as unknown as Executor;
        const id = ids.get(b.slug) as string;
        await db.execute(dsql`select pg_advisory_xact_lock(hashtext(${id}))`);
        await writeSamples(db, dsql`select ${id}::uuid, minute, good, total from staging`);
        const times = b.samples.map((s) => Date.parse(s.ts));
        await recomputeRollupsBetween(
          db,
          id,
          new Date(Math.min(...times)),
          new Date(Math.max(...times) + 60_000),
        );
      });
    }),
  );

  const base = await benchServer();
  const bodies = batches(260 + slice).map((b) => ({
    slug: b.slug,
    body: JSON.stringify({ samples: b.samples }),
  }));
  const httpRate = await timed(() =>
    runPool(bodies, CONCURRENCY, async (b) => {
      const res = await fetch(`${base}/api/v1/slos/${b.slug}/samples`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: b.body,
      });
      if (!res.ok) throw new Error(`ingest ${res.status}: ${await res.text()}`);
    }),
  );
  await pg.end();
  reportRate(
    'HTTP API: validation, upsert, running sums, rollups',
    httpRate / 1000,
    { label: 'direct SQL, raw rows only', value: rawRate / 1000 },
    1.0,
    'k samples/s',
  );
  console.log(
    `  direct SQL writing the same rows, running sums and rollups: ${(fullRate / 1000).toFixed(1)}k samples/s (HTTP API ÷ that: ${(httpRate / fullRate).toFixed(2)}×)`,
  );
}
