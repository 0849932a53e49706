import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { pgNumberArray, type SampleInput } from '@/lib/slo/samples';
import { invalidateSnapshots } from './snapshot-invalidation';

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
 * Upserts samples (a sample replaces its minute, so retries are idempotent) and
 * recomputes the hourly and daily rollups of every hour and day touched, from the
 * raw minutes, so they stay exact after a replace. Run it in a transaction: the
 * per-SLO advisory lock serialises concurrent batches so no recompute misses a
 * row committed by another.
 */
export async function ingestSamples(tx: Executor, sloId: string, samples: SampleInput[]): Promise<number> {
  if (samples.length === 0) return 0;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${sloId}))`);
  const minutes = pgNumberArray(samples.map((s) => s.minute / 1000));
  await tx.execute(sql`
    insert into sli_samples (slo_id, minute, good, total)
    select ${sloId}::uuid, to_timestamp(u.m), u.g, u.t
    from unnest(${minutes}::float8[], ${pgNumberArray(samples.map((s) => s.good))}::float8[], ${pgNumberArray(samples.map((s) => s.total))}::float8[]) as u(m, g, t)
    on conflict (slo_id, minute) do update set good = excluded.good, total = excluded.total`);
  const hours = new Set(samples.map((s) => Math.floor(s.minute / HOUR) * HOUR));
  await recomputeHours(tx, sloId, [...hours]);
  const days = new Set([...hours].map((h) => Math.floor(h / DAY) * DAY));
  await recomputeDays(tx, sloId, [...days]);
  await invalidateSnapshots(tx, [sloId]);
  return samples.length;
}

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
  await recomputeHours(tx, sloId, hours);
  await recomputeDays(tx, sloId, [...new Set(hours.map((h) => Math.floor(h / DAY) * DAY))]);
}

async function recomputeHours(tx: Executor, sloId: string, hours: number[]) {
  const from = new Date(Math.min(...hours));
  const to = new Date(Math.max(...hours) + HOUR);
  const list = pgNumberArray(hours.map((h) => h / 1000));
  await tx.execute(sql`
    insert into sli_hourly (slo_id, hour, good, total, minutes, bad_minutes, ratio_sum)
    select ${sloId}::uuid, r.bucket, r.good, r.total, r.minutes, r.bad_minutes, r.ratio_sum from (
      select ${rollupSelect('hour')}
      from sli_samples s join slos o on o.id = s.slo_id
      where s.slo_id = ${sloId} and s.minute >= ${from.toISOString()}::timestamptz and s.minute < ${to.toISOString()}::timestamptz
      group by bucket
    ) r
    where extract(epoch from r.bucket) = any(${list}::float8[])
    on conflict (slo_id, hour) do update set good = excluded.good, total = excluded.total, minutes = excluded.minutes,
      bad_minutes = excluded.bad_minutes, ratio_sum = excluded.ratio_sum`);
}

async function recomputeDays(tx: Executor, sloId: string, days: number[]) {
  const from = new Date(Math.min(...days));
  const to = new Date(Math.max(...days) + DAY);
  const list = pgNumberArray(days.map((d) => d / 1000));
  await tx.execute(sql`
    insert into sli_daily (slo_id, day, good, total, minutes, bad_minutes, ratio_sum)
    select ${sloId}::uuid, r.day, r.good, r.total, r.minutes, r.bad_minutes, r.ratio_sum from (
      select date_trunc('day', h.hour at time zone 'UTC') at time zone 'UTC' as day,
        sum(h.good) as good, sum(h.total) as total, sum(h.minutes) as minutes, sum(h.bad_minutes) as bad_minutes, sum(h.ratio_sum) as ratio_sum
      from sli_hourly h
      where h.slo_id = ${sloId} and h.hour >= ${from.toISOString()}::timestamptz and h.hour < ${to.toISOString()}::timestamptz
      group by 1
    ) r
    where extract(epoch from r.day) = any(${list}::float8[])
    on conflict (slo_id, day) do update set good = excluded.good, total = excluded.total, minutes = excluded.minutes,
      bad_minutes = excluded.bad_minutes, ratio_sum = excluded.ratio_sum`);
}

/** Recomputes every rollup of some SLOs from their raw minutes (after a slice target changed, or a bulk load). */
export async function rebuildRollups(tx: Executor, sloIds: string | string[]): Promise<void> {
  const ids = `{${[sloIds].flat().join(',')}}`;
  await tx.execute(sql`delete from sli_hourly where slo_id = any(${ids}::uuid[])`);
  await tx.execute(sql`delete from sli_daily where slo_id = any(${ids}::uuid[])`);
  await tx.execute(sql`
    insert into sli_hourly (slo_id, hour, good, total, minutes, bad_minutes, ratio_sum)
    select r.slo_id, r.bucket, r.good, r.total, r.minutes, r.bad_minutes, r.ratio_sum from (
      select s.slo_id, ${rollupSelect('hour')}
      from sli_samples s join slos o on o.id = s.slo_id where s.slo_id = any(${ids}::uuid[]) group by s.slo_id, bucket
    ) r`);
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
