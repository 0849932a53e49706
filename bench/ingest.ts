// SPEC §6: sample ingestion through the HTTP API vs the same upsert done directly in SQL.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import postgres from 'postgres';
import { createToken } from '@/db/identity/tokens';
import { ensureDataset } from './dataset';
import { BENCH_URL, report, startServer } from './lib';

const BATCH = 10_000;
const BATCHES = 40; // 400,000 samples per method
const CONCURRENCY = 4;

/** Minutes far in the past of the window (fresh keys per run), spread over 40 SLOs. */
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
  console.log('\n— Ingestion (400,000 samples in batches of 10,000, 4 in flight) —');
  const handle = await ensureDataset();
  const token = (
    await createToken(
      handle.db,
      { type: 'system', label: 'bench' },
      { name: `ingest-${Date.now()}`, scopes: ['sli:write'] },
    )
  ).token;
  await handle.close();
  const day = Math.floor(Date.now() / 1000) % 300; // a different slice of the retention each run

  // Reference: COPY into a staging table, then INSERT … ON CONFLICT, same batches, same concurrency.
  const sqlBatches = batches(31 + (day % 150));
  const pg = postgres(BENCH_URL, { max: CONCURRENCY, onnotice: () => {} });
  const ids = new Map(
    (await pg`select slug, id::text from slos where slug like 'bench-slo-%'`).map((r) => [
      r.slug as string,
      r.id as string,
    ]),
  );
  let t0 = performance.now();
  await runPool(sqlBatches, CONCURRENCY, async (b) => {
    await pg.begin(async (tx) => {
      await tx`create temp table staging (minute timestamptz, good float8, total float8) on commit drop`;
      const copy = await tx`copy staging from stdin`.writable();
      await pipeline(Readable.from(b.samples.map((s) => `${s.ts}\t${s.good}\t${s.total}\n`)), copy);
      await tx`insert into sli_samples (slo_id, minute, good, total) select ${ids.get(b.slug) as string}::uuid, minute, good, total from staging
               on conflict (slo_id, minute) do update set good = excluded.good, total = excluded.total`;
    });
  });
  const sqlRate = (BATCH * BATCHES) / ((performance.now() - t0) / 1000);
  await pg.end();
  report('direct SQL (COPY + INSERT … ON CONFLICT, no rollups)', `${(sqlRate / 1000).toFixed(0)}k samples/s`);

  const port = 3201;
  const server = await startServer(port, { DATABASE_URL: BENCH_URL });
  try {
    const httpBatches = batches(181 + (day % 150));
    const bodies = httpBatches.map((b) => ({ slug: b.slug, body: JSON.stringify({ samples: b.samples }) }));
    t0 = performance.now();
    await runPool(bodies, CONCURRENCY, async (b) => {
      const res = await fetch(`http://localhost:${port}/api/v1/slos/${b.slug}/samples`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: b.body,
      });
      if (!res.ok) throw new Error(`ingest ${res.status}: ${await res.text()}`);
    });
    const httpRate = (BATCH * BATCHES) / ((performance.now() - t0) / 1000);
    report(
      'HTTP API (validation, upsert, exact hourly/daily rollups)',
      `${(httpRate / 1000).toFixed(0)}k samples/s`,
      '≥ 200k/s',
      httpRate >= 200_000,
    );
    report(
      'HTTP API ÷ direct SQL',
      `${(httpRate / sqlRate).toFixed(2)}×`,
      '≥ 0.8×',
      httpRate / sqlRate >= 0.8,
    );
  } finally {
    server.kill();
  }
}
