import { eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import type { Executor } from '@/db/client';
import { getPolicy } from '@/db/platform/settings';
import { queryRows } from '@/db/platform/sql';
import { sliDaily, sliHourly, sliSamples, sloCorrections } from '@/db/schema';
import { ingestSamples, writeSamples } from '@/db/slo/samples';
import { aggregateKey, aggregateRanges } from '@/db/slo/sli-sums';
import { listSloRows } from '@/db/slo/slos';
import { computeSloStatuses } from '@/db/slo/status';
import type { SliAggregate } from '@/lib/slo/budget';
import { LOOKBACKS, lookbackMinutes } from '@/lib/slo/burn';
import type { SampleInput } from '@/lib/slo/samples';
import { describeEachDriver } from '../helpers/db';
import { makeSlo, rng } from '../helpers/fixtures';

const MIN = 60_000;
const T0 = Date.UTC(2026, 9, 1, 0, 0); // 2026-10-01

/** The oracle: sums over raw minutes in [start, end) outside the excluded ranges, in plain JS. */
async function bruteForce(
  db: Executor,
  sloId: string,
  start: number,
  end: number,
  exclude: [number, number][],
  sliceTarget: number | null,
) {
  const rows = await db.select().from(sliSamples).where(eq(sliSamples.sloId, sloId));
  const agg: SliAggregate = { good: 0, total: 0, minutesWithData: 0, badMinutes: 0, ratioSum: 0 };
  for (const r of rows) {
    const m = r.minute.getTime();
    if (m < start || m >= end || exclude.some(([a, b]) => m >= a && m < b)) continue;
    agg.good += r.good;
    agg.total += r.total;
    if (r.total > 0) {
      agg.minutesWithData += 1;
      agg.ratioSum += r.good / r.total;
      if (sliceTarget !== null && r.good / r.total < sliceTarget) agg.badMinutes += 1;
    }
  }
  return agg;
}

function randomSamples(
  rand: () => number,
  fromMinute: number,
  minutes: number,
  density = 0.9,
): SampleInput[] {
  const out: SampleInput[] = [];
  for (let i = 0; i < minutes; i++) {
    if (rand() > density) continue; // gaps: minutes without data
    const total = rand() < 0.03 ? 0 : Math.floor(rand() * 500);
    const bad = rand() < 0.1 ? Math.floor(rand() * total * 0.2) : 0;
    out.push({ minute: T0 + (fromMinute + i) * MIN, good: total - bad, total });
  }
  return out;
}

function expectClose(actual: SliAggregate | undefined, expected: SliAggregate) {
  const a = actual ?? { good: 0, total: 0, minutesWithData: 0, badMinutes: 0, ratioSum: 0 };
  expect(a.good).toBeCloseTo(expected.good, 6);
  expect(a.total).toBeCloseTo(expected.total, 6);
  expect(a.minutesWithData).toBe(expected.minutesWithData);
  expect(a.badMinutes).toBe(expected.badMinutes);
  expect(a.ratioSum).toBeCloseTo(expected.ratioSum, 6);
}

describeEachDriver('SLI ingestion and rollups', (ctx) => {
  it('rollup-based aggregates equal a brute-force sum over raw minutes (random data, ranges, corrections)', async () => {
    const { db } = ctx();
    const slo = await makeSlo(db, { budgetingMethod: 'timeslices', timesliceTarget: '0.95' });
    const rand = rng(42);
    const samples = randomSamples(rand, 0, 5 * 1440); // five days
    for (let i = 0; i < samples.length; i += 2000)
      await db.transaction((tx) => ingestSamples(tx, slo.id, samples.slice(i, i + 2000)));
    // Replace a random stretch so the rollups must stay exact after a replace.
    const replaced = randomSamples(rand, 1000, 300, 1).map((s) => ({ ...s, good: Math.floor(s.total / 2) }));
    await db.transaction((tx) => ingestSamples(tx, slo.id, replaced));

    for (let trial = 0; trial < 12; trial++) {
      const a = Math.floor(rand() * 5 * 1440);
      const b = a + Math.floor(rand() * (5 * 1440 - a)) + 1;
      const ex = Math.floor(a + rand() * (b - a));
      const exclude: [number, number][] =
        trial % 3 === 0 ? [] : [[T0 + ex * MIN, T0 + (ex + Math.floor(rand() * 600)) * MIN]];
      const start = T0 + a * MIN;
      const end = T0 + b * MIN;
      const got = await aggregateRanges(db, [
        {
          sloId: slo.id,
          key: 'r',
          start: new Date(start),
          end: new Date(end),
          exclude: exclude.map(([s, e]) => ({ start: new Date(s), end: new Date(e) })),
        },
      ]);
      expectClose(
        got.get(aggregateKey(slo.id, 'r')),
        await bruteForce(db, slo.id, start, end, exclude, 0.95),
      );
    }
  });

  it('replaces a minute instead of adding to it (idempotent retries)', async () => {
    const { db } = ctx();
    const slo = await makeSlo(db);
    const batch = [
      { minute: T0, good: 90, total: 100 },
      { minute: T0 + MIN, good: 50, total: 50 },
    ];
    await db.transaction((tx) => ingestSamples(tx, slo.id, batch));
    await db.transaction((tx) => ingestSamples(tx, slo.id, batch));
    await db.transaction((tx) => ingestSamples(tx, slo.id, [{ minute: T0, good: 100, total: 100 }]));
    const [hour] = await db.select().from(sliHourly).where(eq(sliHourly.sloId, slo.id));
    expect(hour).toMatchObject({ good: 150, total: 150, minutes: 2 });
    const [day] = await db.select().from(sliDaily).where(eq(sliDaily.sloId, slo.id));
    expect(day).toMatchObject({ good: 150, total: 150, minutes: 2 });
  });

  it('keeps rollups exact under concurrent overlapping batches', async () => {
    const { db, driver } = ctx();
    const slo = await makeSlo(db);
    const rand = rng(7);
    const batches = Array.from({ length: 6 }, (_, i) => randomSamples(rand, i * 20, 240, 1));
    await Promise.all(batches.map((b) => db.transaction((tx) => ingestSamples(tx, slo.id, b))));
    const raw = await bruteForce(db, slo.id, T0, T0 + 2 * 1440 * MIN, [], null);
    const [h] = await db.execute(sql`select 1`).then(() =>
      db
        .select({ good: sql<number>`sum(${sliHourly.good})`, total: sql<number>`sum(${sliHourly.total})` })
        .from(sliHourly)
        .where(eq(sliHourly.sloId, slo.id)),
    );
    expect(Number(h.good)).toBeCloseTo(raw.good, 6);
    expect(Number(h.total)).toBeCloseTo(raw.total, 6);
    const [d] = await db
      .select({ good: sql<number>`sum(${sliDaily.good})`, total: sql<number>`sum(${sliDaily.total})` })
      .from(sliDaily)
      .where(eq(sliDaily.sloId, slo.id));
    expect(Number(d.total)).toBeCloseTo(raw.total, 6);
    expect(driver).toBeTruthy();
  });
});

/** Rows whose stored running day sums differ from a recomputation over the raw minutes. */
async function cumulativeMismatches(db: Executor, sloId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`
    select count(*)::int as n from (
      select s.cum_good, s.cum_total, s.cum_minutes, s.cum_bad, s.cum_ratio,
        sum(s.good) over w as g, sum(s.total) over w as t, count(*) filter (where s.total > 0) over w as m,
        count(*) filter (where s.total > 0 and s.good / s.total < o.timeslice_target) over w as b,
        coalesce(sum(least(s.good / s.total, 1)) filter (where s.total > 0) over w, 0) as r
      from sli_samples s join slos o on o.id = s.slo_id where s.slo_id = ${sloId}
      window w as (partition by date_trunc('day', s.minute at time zone 'UTC') order by s.minute)
    ) x
    where abs(cum_good - g) > 1e-6 or abs(cum_total - t) > 1e-6 or cum_minutes <> m or cum_bad <> b or abs(cum_ratio - r) > 1e-6`,
  );
  return Number(row.n);
}

/** Hourly and daily rollup rows that differ from their raw minutes. */
async function rollupMismatches(db: Executor, sloId: string): Promise<{ hours: number; days: number }> {
  const count = async (table: 'sli_hourly' | 'sli_daily', column: 'hour' | 'day') => {
    const [row] = await queryRows<{ n: number }>(
      db,
      sql`
      select count(*)::int as n from ${sql.raw(table)} r
      full join (
        select date_trunc(${column}, s.minute at time zone 'UTC') at time zone 'UTC' as b, sum(s.good) as g,
          sum(s.total) as t, count(*) filter (where s.total > 0) as m,
          count(*) filter (where s.total > 0 and s.good / s.total < o.timeslice_target) as bad
        from sli_samples s join slos o on o.id = s.slo_id where s.slo_id = ${sloId} group by 1
      ) x on x.b = r.${sql.raw(column)} and r.slo_id = ${sloId}
      where (r.slo_id = ${sloId} or r.slo_id is null)
        and (x.b is null or r.slo_id is null or abs(r.good - x.g) > 1e-6 or abs(r.total - x.t) > 1e-6
          or r.minutes <> x.m or r.bad_minutes <> x.bad)`,
    );
    return Number(row.n);
  };
  return { hours: await count('sli_hourly', 'hour'), days: await count('sli_daily', 'day') };
}

describeEachDriver('running day sums', (ctx) => {
  it('stay exact when batches arrive out of order, overlap, replace minutes, and the slice target changes', async () => {
    const { db } = ctx();
    const slo = await makeSlo(db, { budgetingMethod: 'timeslices', timesliceTarget: '0.95' });
    const rand = rng(11);
    // Three days in 12 overlapping chunks, written newest first and shuffled.
    const chunks = Array.from({ length: 12 }, (_, i) => randomSamples(rand, i * 360 - 30, 420, 0.8));
    chunks.sort(() => rand() - 0.5);
    for (const chunk of chunks) {
      const valid = chunk.filter((c) => c.minute >= T0);
      await db.transaction((tx) => ingestSamples(tx, slo.id, valid));
    }
    expect(await cumulativeMismatches(db, slo.id)).toBe(0);
    expect(await rollupMismatches(db, slo.id)).toEqual({ hours: 0, days: 0 });
    const start = T0 + 100 * MIN;
    const end = T0 + 3 * 1440 * MIN - 7 * MIN;
    const got = await aggregateRanges(db, [
      { sloId: slo.id, key: 'r', start: new Date(start), end: new Date(end) },
    ]);
    expectClose(got.get(aggregateKey(slo.id, 'r')), await bruteForce(db, slo.id, start, end, [], 0.95));

    // A new slice target recounts the bad minutes of every stored minute.
    await db.execute(sql`update slos set timeslice_target = 0.99 where id = ${slo.id}`);
    const { rebuildRollups } = await import('@/db/slo/samples');
    await db.transaction((tx) => rebuildRollups(tx, slo.id));
    expect(await cumulativeMismatches(db, slo.id)).toBe(0);
    const again = await aggregateRanges(db, [
      { sloId: slo.id, key: 'r', start: new Date(start), end: new Date(end) },
    ]);
    expectClose(again.get(aggregateKey(slo.id, 'r')), await bruteForce(db, slo.id, start, end, [], 0.99));
  });
});

describeEachDriver('bulk loads', (ctx) => {
  it('a fresh bulk load (the demo seed) stores the same running sums as an ingest', async () => {
    const { db } = ctx();
    const slo = await makeSlo(db, { budgetingMethod: 'timeslices', timesliceTarget: '0.95' });
    await db.transaction((tx) =>
      writeSamples(
        tx,
        sql`select ${slo.id}::uuid, m, floor(random() * 100), 100::float8
            from generate_series(${new Date(T0).toISOString()}::timestamptz, ${new Date(T0 + 3 * 1440 * MIN - MIN).toISOString()}::timestamptz, interval '1 minute') m`,
        { fresh: true },
      ),
    );
    expect(await cumulativeMismatches(db, slo.id)).toBe(0);
  });
});

describeEachDriver('live status sums', (ctx) => {
  it('reads the window, every lookback and alert window with corrections subtracted, as the raw minutes say', async () => {
    const { db } = ctx();
    const slo = await makeSlo(db, { budgetingMethod: 'timeslices', timesliceTarget: '0.95', windowDays: 7 });
    const rand = rng(5);
    const now = T0 + 9 * 1440 * MIN + 17 * 60 * MIN + 23 * MIN; // mid-hour, mid-day
    const samples = randomSamples(rand, 0, 10 * 1440, 0.85).filter((x) => x.minute < now);
    for (let i = 0; i < samples.length; i += 3000)
      await db.transaction((tx) => ingestSamples(tx, slo.id, samples.slice(i, i + 3000)));
    // Two corrections: one inside the last 3 days, one across the window's start.
    const corrections: [number, number][] = [
      [now - 2 * 1440 * MIN - 95 * MIN, now - 2 * 1440 * MIN + 50 * MIN],
      [now - 7 * 1440 * MIN - 30 * MIN, now - 7 * 1440 * MIN + 70 * MIN],
    ];
    await db.insert(sloCorrections).values(
      corrections.map(([a, b]) => ({
        sloId: slo.id,
        startsAt: new Date(a),
        endsAt: new Date(b),
        reason: 'test',
        createdByLabel: 'test',
      })),
    );
    const [row] = (await listSloRows(db)).filter((r) => r.id === slo.id);
    const [view] = await computeSloStatuses(db, [row], await getPolicy(db), new Date(now));
    const end = view.range.end.getTime();
    expectClose(
      view.aggregate,
      await bruteForce(db, slo.id, view.range.start.getTime(), end, corrections, 0.95),
    );
    for (const lb of LOOKBACKS) {
      const oracle = await bruteForce(db, slo.id, end - lookbackMinutes(lb) * MIN, end, corrections, 0.95);
      expect(view.eventsByLookback[lb]).toBe(oracle.minutesWithData);
    }
  });
});

describeEachDriver('raw-sample retention', (ctx) => {
  it('prunes raw minutes past the retention and keeps the rollups', async () => {
    const { db } = ctx();
    const slo = await makeSlo(db);
    await db.transaction((tx) =>
      ingestSamples(tx, slo.id, [
        { minute: T0, good: 9, total: 10 },
        { minute: T0 + 400 * 86_400_000, good: 5, total: 5 },
      ]),
    );
    const { pruneRawSamples } = await import('@/db/slo/samples');
    await pruneRawSamples(db, 400, new Date(T0 + 401 * 86_400_000));
    const raw = await db.select().from(sliSamples).where(eq(sliSamples.sloId, slo.id));
    expect(raw.map((r) => r.total)).toEqual([5]);
    const days = await db.select().from(sliDaily).where(eq(sliDaily.sloId, slo.id));
    expect(days.map((d) => d.total).sort()).toEqual([10, 5].sort());
  });
});
