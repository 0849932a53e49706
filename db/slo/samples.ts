import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { pgNumberArray, type SampleInput } from '@/lib/slo/samples';
import { forgetSnapshotMemo, SNAPSHOT_CHANNEL, snapshotTombstones } from './snapshot-invalidation';

const HOUR = 3_600_000;
const DAY = 86_400_000;
/** Counts are bounded at ingest (SPEC 3); the clamp keeps rows stored before that from overflowing sums. */
const MAX_MINUTE = '1e15';

/** Rollup row of a set of raw minutes; bad minutes compare good/total to the SLO's slice target. */
const rollupSelect = (bucket: 'hour' | 'day') =>
  sql.raw(`
  coalesce(sum(least(s.good, ${MAX_MINUTE})), 0) as good, coalesce(sum(least(s.total, ${MAX_MINUTE})), 0) as total,
  count(*) filter (where s.total > 0) as minutes,
  count(*) filter (where s.total > 0 and s.good / s.total < o.timeslice_target) as bad_minutes,
  coalesce(sum(least(s.good / s.total, 1)) filter (where s.total > 0), 0) as ratio_sum,
  date_trunc('${bucket}', s.minute at time zone 'UTC') at time zone 'UTC' as bucket`);

/**
 * Writes minute samples from `source`, a query yielding (slo_id, m, g, t) with at
 * most one row per SLO and minute: a sample replaces its minute, and every minute
 * row's running day sums (cum_*) are computed in the same statement — for the new
 * rows and for the later minutes of the same UTC day, whose sums shift. Appending
 * (the usual case) rewrites nothing but the new rows. `keepExisting` leaves minutes
 * that are already stored alone (the demo filler racing a push); `fresh` promises that no
 * minute of these SLOs' days is stored yet (a bulk load), which skips reading them.
 */
export async function writeSamples(
  tx: Executor,
  source: SQL,
  opts: { keepExisting?: boolean; fresh?: boolean } = {},
) {
  if (opts.fresh) {
    // A bulk load of minutes none of which is stored yet (the demo seed, the bench dataset):
    // the running sums start at 0 each day, nothing stored shifts.
    await tx.execute(sql`
      insert into sli_samples (slo_id, minute, good, total, cum_good, cum_total, cum_minutes, cum_bad, cum_ratio)
      select x.slo_id, x.m, x.g, x.t, ${runningSums}
      from (${source}) as x(slo_id, m, g, t) join slos o on o.id = x.slo_id
      window w as (partition by x.slo_id, date_trunc('day', x.m at time zone 'UTC') order by x.m)`);
    return;
  }
  const keep = opts.keepExisting
    ? sql`where not exists (select 1 from sli_samples e where e.slo_id = src.slo_id and e.minute = src.m)`
    : sql``;
  await tx.execute(sql`
    with u as materialized (select src.slo_id, src.m, src.g, src.t from (${source}) as src(slo_id, m, g, t) ${keep}),
    f as (
      select slo_id, date_trunc('day', m at time zone 'UTC') at time zone 'UTC' as d, min(m) as first
      from u group by 1, 2
    ),
    tail as materialized (
      -- The stored minutes after the first new one of each day: one index range scan per day
      -- (offset 0 keeps the planner from turning this into a scan of the whole table).
      select s.slo_id, s.minute as m, s.good as g, s.total as t
      from f cross join lateral (
        select e.slo_id, e.minute, e.good, e.total from sli_samples e
        where e.slo_id = f.slo_id and e.minute > f.first and e.minute < f.d + interval '1 day'
        offset 0
      ) s
    ),
    merged as (
      select slo_id, m, g, t from u
      union all
      select slo_id, m, g, t from tail
      where not exists (select 1 from u where u.slo_id = tail.slo_id and u.m = tail.m)
    ),
    base as (
      select f.slo_id, f.d, coalesce(b.cum_good, 0) as cg, coalesce(b.cum_total, 0) as ct,
        coalesce(b.cum_minutes, 0) as cm, coalesce(b.cum_bad, 0) as cb, coalesce(b.cum_ratio, 0) as cr
      from f left join lateral (
        select s.cum_good, s.cum_total, s.cum_minutes, s.cum_bad, s.cum_ratio from sli_samples s
        where s.slo_id = f.slo_id and s.minute >= f.d and s.minute < f.first order by s.minute desc limit 1
      ) b on true
    )
    insert into sli_samples (slo_id, minute, good, total, cum_good, cum_total, cum_minutes, cum_bad, cum_ratio)
    select w.slo_id, w.m, w.g, w.t, b.cg + w.cg, b.ct + w.ct, b.cm + w.cm, b.cb + w.cb, b.cr + w.cr
    from (
      select x.slo_id, x.m, x.g, x.t, date_trunc('day', x.m at time zone 'UTC') at time zone 'UTC' as d, ${runningSums}
      from merged x join slos o on o.id = x.slo_id
      window w as (partition by x.slo_id, date_trunc('day', x.m at time zone 'UTC') order by x.m)
    ) w join base b on b.slo_id = w.slo_id and b.d = w.d
    on conflict (slo_id, minute) do update set good = excluded.good, total = excluded.total,
      cum_good = excluded.cum_good, cum_total = excluded.cum_total, cum_minutes = excluded.cum_minutes,
      cum_bad = excluded.cum_bad, cum_ratio = excluded.cum_ratio`);
}

/** Running sums over window `w` (a day's minutes in order); bad minutes compare good/total to the slice target. */
const runningSums = sql.raw(`
  sum(least(x.g, ${MAX_MINUTE})) over w as cg, sum(least(x.t, ${MAX_MINUTE})) over w as ct,
  count(*) filter (where x.t > 0) over w as cm,
  count(*) filter (where x.t > 0 and x.g / x.t < o.timeslice_target) over w as cb,
  coalesce(sum(least(x.g / x.t, 1)) filter (where x.t > 0) over w, 0) as cr`);

/**
 * Upserts samples (a sample replaces its minute, so retries are idempotent) and
 * recomputes the hourly and daily rollups of every hour and day touched, from the
 * raw minutes, so they stay exact after a replace. Run it in a transaction: the
 * per-SLO advisory lock serialises concurrent batches so no recompute misses a
 * row committed by another.
 */
export async function ingestSamples(
  tx: Executor,
  sloId: string,
  samples: SampleInput[],
  opts: { locked?: boolean } = {},
): Promise<number> {
  if (samples.length === 0) return 0;
  // The caller may already hold it (the push path takes it with its SLO lookup).
  if (!opts.locked) await tx.execute(sql`select ${lockSloSamples(sql`${sloId}`)}`);
  const minutes = pgNumberArray(samples.map((s) => s.minute / 1000));
  await writeSamples(
    tx,
    sql`select ${sloId}::uuid, to_timestamp(u.m), u.g, u.t
    from unnest(${minutes}::float8[], ${pgNumberArray(samples.map((s) => s.good))}::float8[], ${pgNumberArray(samples.map((s) => s.total))}::float8[]) as u(m, g, t)`,
  );
  // The rollups and the snapshot's tombstone (invalidateSnapshots) in one statement.
  forgetSnapshotMemo();
  await recomputeRollups(tx, sloId, [...new Set(samples.map((s) => Math.floor(s.minute / HOUR) * HOUR))], {
    invalidate: true,
  });
  return samples.length;
}

/**
 * The per-SLO transaction lock that serialises writers of one SLO's samples (an SQL
 * expression; `sloId` is text or uuid). Held until commit.
 */
export const lockSloSamples = (sloId: SQL) => sql`pg_advisory_xact_lock(hashtext(${sloId}::text))`;

/** Recomputes the rollups of every hour and day in [from, to) from raw minutes (after a bulk append). */
export async function recomputeRollupsBetween(
  tx: Executor,
  sloId: string,
  from: Date,
  to: Date,
): Promise<void> {
  const hours: number[] = [];
  for (let h = Math.floor(from.getTime() / HOUR) * HOUR; h < to.getTime(); h += HOUR) hours.push(h);
  if (hours.length === 0) return;
  await recomputeRollups(tx, sloId, hours);
}

/**
 * The hourly and daily rollups of these hours and their days, read off the running day
 * sums in one statement: an hour is the running sum at its last stored minute minus the one
 * just before it began (same day), a day is the running sum at its last stored minute —
 * index lookups instead of re-reading minutes. Hours and days without minutes are left alone.
 */
async function recomputeRollups(
  tx: Executor,
  sloId: string,
  hours: number[],
  opts: { invalidate?: boolean } = {},
) {
  const hourList = pgNumberArray(hours.map((h) => h / 1000));
  // The running sums at the last stored minute of [from, to), one index lookup (none: no row).
  const lastSums = (from: SQL, to: SQL) => sql`
    select s.cum_good, s.cum_total, s.cum_minutes, s.cum_bad, s.cum_ratio from sli_samples s
    where s.slo_id = ${sloId} and s.minute >= ${from} and s.minute < ${to}
    order by s.minute desc limit 1`;
  const dayList = pgNumberArray(
    [...new Set(hours.map((h) => Math.floor(h / DAY) * DAY))].map((d) => d / 1000),
  );
  await tx.execute(sql`
    with hourly as (
      insert into sli_hourly (slo_id, hour, good, total, minutes, bad_minutes, ratio_sum)
      select ${sloId}::uuid, to_timestamp(h.t), e.cum_good - coalesce(b.cum_good, 0), e.cum_total - coalesce(b.cum_total, 0),
        e.cum_minutes - coalesce(b.cum_minutes, 0), e.cum_bad - coalesce(b.cum_bad, 0), e.cum_ratio - coalesce(b.cum_ratio, 0)
      from unnest(${hourList}::float8[]) as h(t)
      cross join lateral (
        ${lastSums(sql`to_timestamp(h.t)`, sql`to_timestamp(h.t + 3600)`)}
      ) e
      left join lateral (
        ${lastSums(sql`to_timestamp(floor(h.t / 86400) * 86400)`, sql`to_timestamp(h.t)`)}
      ) b on true
      on conflict (slo_id, hour) do update set good = excluded.good, total = excluded.total, minutes = excluded.minutes,
        bad_minutes = excluded.bad_minutes, ratio_sum = excluded.ratio_sum
      returning 1
    ),
    daily as (
      insert into sli_daily (slo_id, day, good, total, minutes, bad_minutes, ratio_sum)
      select ${sloId}::uuid, to_timestamp(d.t), e.cum_good, e.cum_total, e.cum_minutes, e.cum_bad, e.cum_ratio
      from unnest(${dayList}::float8[]) as d(t)
      cross join lateral (
        ${lastSums(sql`to_timestamp(d.t)`, sql`to_timestamp(d.t + 86400)`)}
      ) e
      on conflict (slo_id, day) do update set good = excluded.good, total = excluded.total, minutes = excluded.minutes,
        bad_minutes = excluded.bad_minutes, ratio_sum = excluded.ratio_sum
      returning 1
    )${opts.invalidate ? sql`, ${snapshotTombstones([sloId])}` : sql``}
    select (select count(*) from hourly) as hours, (select count(*) from daily) as days${
      opts.invalidate ? sql`, pg_notify(${SNAPSHOT_CHANNEL}, '')` : sql``
    }`);
}

/**
 * Recomputes every rollup of some SLOs from their raw minutes (after a slice target
 * changed, or a bulk load), and the minutes' running day sums unless the writer
 * already computed them (`cumulative: false`, after writeSamples).
 */
export async function rebuildRollups(
  tx: Executor,
  sloIds: string | string[],
  opts: { cumulative?: boolean } = {},
): Promise<void> {
  const ids = `{${[sloIds].flat().join(',')}}`;
  if (opts.cumulative !== false) {
    await tx.execute(sql`
      update sli_samples s set cum_good = c.cg, cum_total = c.ct, cum_minutes = c.cm, cum_bad = c.cb, cum_ratio = c.cr
      from (
        select x.slo_id, x.m, ${runningSums}
        from (select slo_id, minute as m, good as g, total as t from sli_samples where slo_id = any(${ids}::uuid[])) x
        join slos o on o.id = x.slo_id
        window w as (partition by x.slo_id, date_trunc('day', x.m at time zone 'UTC') order by x.m)
      ) c
      where s.slo_id = c.slo_id and s.minute = c.m`);
  }
  await tx.execute(sql`delete from sli_hourly where slo_id = any(${ids}::uuid[])`);
  await tx.execute(sql`delete from sli_daily where slo_id = any(${ids}::uuid[])`);
  await tx.execute(sql`
    insert into sli_hourly (slo_id, hour, good, total, minutes, bad_minutes, ratio_sum)
    select r.slo_id, r.bucket, r.good, r.total, r.minutes, r.bad_minutes, r.ratio_sum from (
      select s.slo_id, ${rollupSelect('hour')}
      from sli_samples s join slos o on o.id = s.slo_id where s.slo_id = any(${ids}::uuid[]) group by s.slo_id, bucket
    ) r`);
  await insertDailyRollups(tx, ids);
}

/** The daily rollups of some SLOs from their hourly ones (none stored yet: after a bulk load). */
export async function insertDailyRollups(tx: Executor, sloIds: string | string[]): Promise<void> {
  const ids = `{${[sloIds].flat().join(',')}}`;
  await tx.execute(sql`
    insert into sli_daily (slo_id, day, good, total, minutes, bad_minutes, ratio_sum)
    select slo_id, date_trunc('day', hour at time zone 'UTC') at time zone 'UTC', sum(good), sum(total), sum(minutes), sum(bad_minutes), sum(ratio_sum)
    from sli_hourly where slo_id = any(${ids}::uuid[]) group by 1, 2`);
}

/**
 * Deletes raw minutes older than the retention (SLI_RAW_RETENTION_DAYS); the hourly
 * and daily rollups are kept, so old windows and reports still add up.
 */
export async function pruneRawSamples(
  db: Executor,
  retentionDays: number,
  now = new Date(),
): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * DAY);
  const rows = await db.execute(
    sql`delete from sli_samples where minute < ${cutoff.toISOString()}::timestamptz`,
  );
  const r = rows as unknown as { count?: number; affectedRows?: number };
  return r.count ?? r.affectedRows ?? 0;
}
