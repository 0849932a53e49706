// The bench dataset: BENCH_SLOS SLOs (1,000; 100 with --quick) × 30 days of minute
// samples plus rollups, in its own PostgreSQL database. Built once; later runs reuse it.
import { sql } from 'drizzle-orm';
import { openPostgres } from '@/db/client';
import { ensureAdmin } from '@/db/identity/users';
import { migrateDb } from '@/db/migrate';
import { queryRows } from '@/db/platform/sql';
import { rebuildRollups, writeSamples } from '@/db/slo/samples';
import { ensureToilCategories } from '@/db/toil/categories';
import { BENCH_DAYS, BENCH_SLOS, BENCH_URL, ensureDatabase } from './lib';

export async function ensureDataset(url = BENCH_URL, slos = BENCH_SLOS, days = BENCH_DAYS) {
  await ensureDatabase(url);
  const handle = await openPostgres(url, { max: 4 });
  try {
    await migrateDb(handle);
    await ensureAdmin(handle.db, 'bench@example.com', 'bench-password');
    await ensureToilCategories(handle.db);
    const [{ n }] = await queryRows<{ n: number }>(
      handle.db,
      sql`select count(*)::int as n from slos where slug like 'bench-slo-%'`,
    );
    if (n >= slos) return handle;
    console.log(
      `building the bench dataset: ${slos} SLOs × ${days} days of minute samples (${((slos * days * 1440) / 1e6).toFixed(1)} M rows)…`,
    );
    const t0 = Date.now();
    await handle.db.execute(
      sql`insert into services (slug, name, tier) select 'bench-svc-' || i, 'Bench service ' || i, i % 4 from generate_series(1, 50) i on conflict do nothing`,
    );
    await handle.db.execute(
      sql.raw(`
      insert into slos (service_id, slug, name, sli_kind, target, window_type, window_days, budgeting_method, timeslice_target)
      select (select id from services where slug = 'bench-svc-' || (1 + i % 50)), 'bench-slo-' || i, 'Bench SLO ' || i, 'ratio',
        (array[0.99, 0.999, 0.9995])[1 + i % 3], 'rolling', 30,
        (array['occurrences', 'occurrences', 'timeslices', 'ratio-timeslices'])[1 + i % 4],
        case when i % 4 = 2 then 0.95 end
      from generate_series(1, ${slos}) i on conflict do nothing`),
    );
    const ids = (
      await queryRows<{ id: string }>(
        handle.db,
        sql`select id::text from slos where slug like 'bench-slo-%' and not exists (select 1 from sli_daily d where d.slo_id = slos.id) order by slug`,
      )
    ).map((r) => r.id);
    const end = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 + 3_600_000);
    const start = new Date(end.getTime() - days * 86_400_000);
    for (let i = 0; i < ids.length; i += 25) {
      const chunk = ids.slice(i, i + 25);
      await handle.db.transaction(async (tx) => {
        await tx.execute(sql`delete from sli_samples where slo_id = any(${`{${chunk.join(',')}}`}::uuid[])`);
        await writeSamples(
          tx,
          sql.raw(`
          select s.id::uuid, m, t - floor(t * 0.0005 * random() * 2 + random()), t
          from unnest('{${chunk.join(',')}}'::uuid[]) s(id),
            lateral (select m, round(100 + 50 * random()) as t from generate_series('${start.toISOString()}'::timestamptz, '${end.toISOString()}'::timestamptz - interval '1 minute', interval '1 minute') m) x`),
          { fresh: true },
        );
        await rebuildRollups(tx, chunk, { cumulative: false });
      });
      process.stdout.write(
        `\r  ${Math.min(ids.length, i + 25)}/${ids.length} SLOs (${((Date.now() - t0) / 1000).toFixed(0)} s)`,
      );
    }
    await handle.db.execute(sql`vacuum analyze`);
    console.log(`\n  dataset ready in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    return handle;
  } catch (err) {
    await handle.close();
    throw err;
  }
}
