import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { queryRows } from '@/db/platform/sql';
import type { SliAggregate } from '@/lib/slo/budget';
import { mergeIntervals } from '@/lib/slo/corrections';
import { planRange } from '@/lib/slo/rollup-plan';
import type { TimeRange } from '@/lib/slo/windows';

export interface RangeRequest {
  sloId: string;
  /** Caller's name for the range, e.g. 'window' or '1h'; letters, digits and dashes. */
  key: string;
  start: Date;
  end: Date;
  /** Minute-aligned ranges whose samples are left out (corrections, SPEC 2). */
  exclude?: TimeRange[];
}

const LEVEL = { minute: 'm', hour: 'h', day: 'd' } as const;

export const aggregateKey = (sloId: string, key: string) => `${sloId}|${key}`;

/**
 * Sums SLI aggregates for many (SLO, range) pairs in one query. Each range is
 * split into daily/hourly/minute parts (planRange); excluded ranges are
 * subtracted the same way, so a correction costs a few rows, not a scan.
 */
export async function aggregateRanges(
  db: Executor,
  requests: RangeRequest[],
): Promise<Map<string, SliAggregate>> {
  const cols = {
    slo: [] as string[],
    key: [] as string[],
    sign: [] as number[],
    level: [] as string[],
    t0: [] as number[],
    t1: [] as number[],
  };
  const add = (r: RangeRequest, sign: number, range: TimeRange) => {
    for (const part of planRange(range.start, range.end)) {
      cols.slo.push(r.sloId);
      cols.key.push(r.key);
      cols.sign.push(sign);
      cols.level.push(LEVEL[part.level]);
      cols.t0.push(part.start.getTime() / 1000);
      cols.t1.push(part.end.getTime() / 1000);
    }
  };
  for (const r of requests) {
    add(r, 1, r);
    for (const ex of mergeIntervals(r.exclude ?? [])) {
      const start = new Date(Math.max(ex.start.getTime(), r.start.getTime()));
      const end = new Date(Math.min(ex.end.getTime(), r.end.getTime()));
      if (end > start) add(r, -1, { start, end });
    }
  }
  const out = new Map<string, SliAggregate>();
  if (cols.slo.length === 0) return out;
  const rows = await queryRows<{
    slo_id: string;
    key: string;
    good: number;
    total: number;
    minutes: number;
    bad: number;
    ratio: number;
  }>(
    db,
    sql`
    with p as (
      select * from unnest(${`{${cols.slo.join(',')}}`}::uuid[], ${`{${cols.key.map((k) => `"${k}"`).join(',')}}`}::text[],
        ${`{${cols.sign.join(',')}}`}::int[], ${`{${cols.level.join(',')}}`}::text[],
        ${`{${cols.t0.join(',')}}`}::float8[], ${`{${cols.t1.join(',')}}`}::float8[]) as p(slo_id, key, sign, level, t0, t1)
    )
    select p.slo_id::text as slo_id, p.key, sum(p.sign * a.good)::float8 as good, sum(p.sign * a.total)::float8 as total,
      sum(p.sign * a.minutes)::float8 as minutes, sum(p.sign * a.bad)::float8 as bad, sum(p.sign * a.ratio)::float8 as ratio
    from p
    join slos o on o.id = p.slo_id
    cross join lateral (
      select coalesce(sum(least(s.good, 1e15)), 0) as good, coalesce(sum(least(s.total, 1e15)), 0) as total,
        count(*) filter (where s.total > 0) as minutes,
        count(*) filter (where s.total > 0 and s.good / s.total < o.timeslice_target) as bad,
        coalesce(sum(least(s.good / s.total, 1)) filter (where s.total > 0), 0) as ratio
      from sli_samples s
      where p.level = 'm' and s.slo_id = p.slo_id and s.minute >= to_timestamp(p.t0) and s.minute < to_timestamp(p.t1)
      union all
      select coalesce(sum(least(h.good, 6e16)), 0), coalesce(sum(least(h.total, 6e16)), 0), coalesce(sum(h.minutes), 0), coalesce(sum(h.bad_minutes), 0), coalesce(sum(h.ratio_sum), 0)
      from sli_hourly h
      where p.level = 'h' and h.slo_id = p.slo_id and h.hour >= to_timestamp(p.t0) and h.hour < to_timestamp(p.t1)
      union all
      select coalesce(sum(least(d.good, 1.44e18)), 0), coalesce(sum(least(d.total, 1.44e18)), 0), coalesce(sum(d.minutes), 0), coalesce(sum(d.bad_minutes), 0), coalesce(sum(d.ratio_sum), 0)
      from sli_daily d
      where p.level = 'd' and d.slo_id = p.slo_id and d.day >= to_timestamp(p.t0) and d.day < to_timestamp(p.t1)
    ) a
    group by p.slo_id, p.key`,
  );
  for (const r of rows) {
    out.set(aggregateKey(r.slo_id, r.key), {
      good: Number(r.good),
      total: Number(r.total),
      minutesWithData: Math.round(Number(r.minutes)),
      badMinutes: Math.round(Number(r.bad)),
      ratioSum: Number(r.ratio),
    });
  }
  return out;
}
