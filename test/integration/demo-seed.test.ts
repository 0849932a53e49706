import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { type DB, type Executor, openPglite, pgliteInFolder } from '@/db/client';
import { migrateDb } from '@/db/migrate';
import { queryRows } from '@/db/platform/sql';
import { seedCatalog } from '@/db/seed/catalog';
import { demoMinutes, trafficFactor } from '@/db/seed/slo-bulk';
import { DEMO_SLOS, sampleSql, seedSlos, shapeSql } from '@/db/seed/slos';
import { describeEachDriver } from '../helpers/db';

const MIN = 60_000;
const NOW = new Date(Date.UTC(2026, 10, 18, 13, 37, 42));
const DAYS = 3;
const dialect = new PgDialect();

const count = async (db: Executor, query: ReturnType<typeof sql>) =>
  Number((await queryRows<{ n: number }>(db, query))[0].n);

/** Minutes whose stored running day sums differ from a recomputation over the raw minutes. */
const cumulativeMismatches = (db: Executor) =>
  count(
    db,
    sql`select count(*)::int as n from (
      select s.cum_good, s.cum_total, s.cum_minutes, s.cum_bad, s.cum_ratio,
        sum(s.good) over w as g, sum(s.total) over w as t, count(*) filter (where s.total > 0) over w as m,
        count(*) filter (where s.total > 0 and s.good / s.total < o.timeslice_target) over w as b,
        coalesce(sum(least(s.good / s.total, 1)) filter (where s.total > 0) over w, 0) as r
      from sli_samples s join slos o on o.id = s.slo_id
      window w as (partition by s.slo_id, date_trunc('day', s.minute at time zone 'UTC') order by s.minute)
    ) x
    where abs(cum_good - g) > 1e-6 or abs(cum_total - t) > 1e-6 or cum_minutes <> m or cum_bad <> b or abs(cum_ratio - r) > 1e-6`,
  );

/** Hourly rollups that differ from a recomputation over the raw minutes (either side missing counts). */
const hourlyMismatches = (db: Executor) =>
  count(
    db,
    sql`select count(*)::int as n from (
      select s.slo_id, date_trunc('hour', s.minute at time zone 'UTC') at time zone 'UTC' as hour,
        sum(s.good) as good, sum(s.total) as total, count(*) filter (where s.total > 0) as minutes,
        count(*) filter (where s.total > 0 and s.good / s.total < o.timeslice_target) as bad_minutes,
        coalesce(sum(least(s.good / s.total, 1)) filter (where s.total > 0), 0) as ratio_sum
      from sli_samples s join slos o on o.id = s.slo_id group by 1, 2
    ) r full join sli_hourly h on h.slo_id = r.slo_id and h.hour = r.hour
    where h.slo_id is null or r.slo_id is null or abs(h.good - r.good) > 1e-6 or abs(h.total - r.total) > 1e-6
      or h.minutes <> r.minutes or h.bad_minutes <> r.bad_minutes or abs(h.ratio_sum - r.ratio_sum) > 1e-6`,
  );

const dailyMismatches = (db: Executor) =>
  count(
    db,
    sql`select count(*)::int as n from (
      select slo_id, date_trunc('day', hour at time zone 'UTC') at time zone 'UTC' as day, sum(good) as good,
        sum(total) as total, sum(minutes) as minutes, sum(bad_minutes) as bad_minutes, sum(ratio_sum) as ratio_sum
      from sli_hourly group by 1, 2
    ) r full join sli_daily d on d.slo_id = r.slo_id and d.day = r.day
    where d.slo_id is null or r.slo_id is null or abs(d.good - r.good) > 1e-6 or abs(d.total - r.total) > 1e-6
      or d.minutes <> r.minutes or d.bad_minutes <> r.bad_minutes or abs(d.ratio_sum - r.ratio_sum) > 1e-6`,
  );

/** Seeds the catalog and DAYS of demo SLOs, then checks every stored number against the raw minutes. */
async function seedAndCheck(db: DB) {
  await seedCatalog(db);
  await seedSlos(db, NOW, DAYS);
  const minutes = DAYS * 1440;
  expect(await count(db, sql`select count(*)::int as n from slos`)).toBe(DEMO_SLOS.length);
  expect(await count(db, sql`select count(*)::int as n from sli_samples`)).toBe(DEMO_SLOS.length * minutes);
  // Every SLO's minutes are the last DAYS × 1440 before now, one each.
  expect(
    await count(
      db,
      sql`select count(*)::int as n from (
        select slo_id from sli_samples group by slo_id
        having count(*) = ${minutes} and count(distinct minute) = ${minutes}
          and min(minute) = ${new Date(Math.floor(NOW.getTime() / MIN) * MIN - minutes * MIN).toISOString()}::timestamptz
          and max(minute) = ${new Date(Math.floor(NOW.getTime() / MIN) * MIN - MIN).toISOString()}::timestamptz
      ) x`,
    ),
  ).toBe(DEMO_SLOS.length);
  expect(
    await count(db, sql`select count(*)::int as n from sli_samples where good < 0 or good > total`),
  ).toBe(0);
  expect(await cumulativeMismatches(db)).toBe(0);
  expect(await hourlyMismatches(db)).toBe(0);
  expect(await dailyMismatches(db)).toBe(0);
  // The primary key is there after the load (the embedded load builds it afterwards).
  expect(
    await count(
      db,
      sql`select count(*)::int as n from pg_constraint
        where conname = 'sli_samples_slo_id_minute_pk' and contype = 'p' and conrelid = 'sli_samples'::regclass`,
    ),
  ).toBe(1);
  // Idempotent: a second run adds nothing.
  await seedSlos(db, new Date(NOW.getTime() + 5 * MIN), DAYS);
  expect(await count(db, sql`select count(*)::int as n from sli_samples`)).toBe(DEMO_SLOS.length * minutes);
  expect(await count(db, sql`select count(*)::int as n from sli_hourly`)).toBe(
    await count(
      db,
      sql`select count(distinct (slo_id, date_trunc('hour', minute at time zone 'UTC')))::int as n from sli_samples`,
    ),
  );
}

describe('demo SLO seed [pglite in a folder: binary COPY]', () => {
  it('stores every minute of every demo SLO with exact running sums and rollups, once', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sre-seed-test-'));
    const handle = await openPglite(path.join(dir, 'pglite'));
    try {
      expect(pgliteInFolder(handle.db)).toBe(true);
      await migrateDb(handle);
      await seedAndCheck(handle.db);
    } finally {
      await handle.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describeEachDriver('demo SLO seed (SQL)', (ctx, driver) => {
  it('stores every minute of every demo SLO with exact running sums and rollups, once', async () => {
    expect(pgliteInFolder(ctx().db)).toBe(false);
    await seedAndCheck(ctx().db);
  }, 120_000);

  if (driver === 'pglite') {
    it('generates in JS what sampleSql generates in SQL (the embedded and PostgreSQL seeds agree)', async () => {
      const { db } = ctx();
      const end = new Date(Math.floor(NOW.getTime() / MIN) * MIN);
      const start = new Date(end.getTime() - DAYS * 1440 * MIN);
      // The traffic shape, minute by minute.
      const shape = await queryRows<{ m: Date; f: number }>(db, sql.raw(shapeSql(start, end)));
      expect(shape.length).toBe(DAYS * 1440);
      for (const { m, f } of shape) expect(trafficFactor(new Date(m).getTime())).toBeCloseTo(Number(f), 9);
      // Without randomness (random() = 0.5 on both sides) every minute is the same.
      const [slo] = await queryRows<{ id: string }>(db, sql`select id from slos order by slug limit 1`);
      for (const d of DEMO_SLOS.filter((x) => x.outages?.length).slice(0, 3)) {
        const outages = d.outages?.map(([ago, dur, mult]) => [Math.min(ago, 1440), dur, mult] as const) ?? [];
        const fromSql = await queryRows<{ m: Date; g: number; t: number }>(
          db,
          sql`select m, g, t from (${sql.raw(
            dialect
              .sqlToQuery(
                sampleSql(
                  slo.id,
                  d,
                  end,
                  shapeSql(start, end),
                  outages.map((o) => [...o]),
                ),
              )
              .sql.replaceAll('random()', '0.5'),
          )}) x(id, m, g, t) order by m`,
        );
        const fromJs = demoMinutes(
          d,
          start,
          end,
          outages.map((o) => [...o]),
          () => 0.5,
        );
        expect(fromSql.length).toBe(fromJs.minutes.length);
        fromSql.forEach((r, i) => {
          expect(new Date(r.m).getTime()).toBe(fromJs.minutes[i]);
          expect(fromJs.total[i]).toBe(Number(r.t));
          expect(fromJs.good[i]).toBe(Number(r.g));
        });
      }
    }, 60_000);
  }
});
