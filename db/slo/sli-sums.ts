import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { queryRows } from '@/db/platform/sql';
import type { SliAggregate } from '@/lib/slo/budget';
import { mergeIntervals } from '@/lib/slo/corrections';
import { planRange } from '@/lib/slo/rollup-plan';
import type { TimeRange } from '@/lib/slo/windows';

export interface RangeRequest {
  sloId: string;
  /** Caller's name for the range, e.g. 'window' or '1h'. */
  key: string;
  start: Date;
  end: Date;
  /** Minute-aligned ranges whose samples are left out (corrections, SPEC 2). */
  exclude?: TimeRange[];
}

export const aggregateKey = (sloId: string, key: string) => `${sloId}|${key}`;

type Sums = [good: number, total: number, minutes: number, bad: number, ratio: number];

/**
 * Sums SLI aggregates for many (SLO, range) pairs in one query. A range is whole
 * days from the daily rollup plus two lookups of the raw minutes' running day sums
 * (lib/slo/rollup-plan); excluded ranges are subtracted the same way. Ranges that
 * share an end or a start (an SLO's window, lookbacks and alert windows all end
 * now) share their lookups, so the status of 1,000 SLOs is ~10 index probes and
 * ~35 daily rows per SLO.
 */
export async function aggregateRanges(
  db: Executor,
  requests: RangeRequest[],
): Promise<Map<string, SliAggregate>> {
  const prefixes = new Map<string, number>();
  const spans = new Map<string, number>();
  const prefixArgs = { slo: [] as string[], at: [] as number[], day: [] as number[] };
  const spanArgs = { slo: [] as string[], from: [] as number[], to: [] as number[] };
  // Per request: [sign, 0 = prefix | 1 = span, index].
  const terms = new Map<string, [number, 0 | 1, number][]>();

  const add = (r: RangeRequest, list: [number, 0 | 1, number][], sign: 1 | -1, range: TimeRange) => {
    for (const term of planRange(range.start, range.end, sign)) {
      if (term.kind === 'prefix') {
        const id = `${r.sloId}|${term.at}`;
        let i = prefixes.get(id);
        if (i === undefined) {
          i = prefixArgs.slo.length;
          prefixes.set(id, i);
          prefixArgs.slo.push(r.sloId);
          prefixArgs.at.push(term.at / 1000);
          prefixArgs.day.push(Math.floor(term.at / 86_400_000) * 86_400);
        }
        list.push([term.sign, 0, i]);
      } else {
        const id = `${r.sloId}|${term.from}|${term.to}`;
        let i = spans.get(id);
        if (i === undefined) {
          i = spanArgs.slo.length;
          spans.set(id, i);
          spanArgs.slo.push(r.sloId);
          spanArgs.from.push(term.from / 1000);
          spanArgs.to.push(term.to / 1000);
        }
        list.push([term.sign, 1, i]);
      }
    }
  };
  for (const r of requests) {
    const list: [number, 0 | 1, number][] = [];
    add(r, list, 1, r);
    for (const ex of mergeIntervals(r.exclude ?? [])) {
      const start = new Date(Math.max(ex.start.getTime(), r.start.getTime()));
      const end = new Date(Math.min(ex.end.getTime(), r.end.getTime()));
      if (end > start) add(r, list, -1, { start, end });
    }
    terms.set(aggregateKey(r.sloId, r.key), list);
  }

  const values: [Map<number, Sums>, Map<number, Sums>] = [new Map(), new Map()];
  if (prefixArgs.slo.length + spanArgs.slo.length > 0) {
    const arr = (xs: (string | number)[]) => `{${xs.join(',')}}`;
    const rows = await queryRows<{
      k: number;
      i: number;
      g: number;
      t: number;
      m: number;
      b: number;
      r: number;
    }>(
      db,
      sql`
      select 0 as k, p.i::int as i, c.cum_good as g, c.cum_total as t, c.cum_minutes::float8 as m,
        c.cum_bad::float8 as b, c.cum_ratio as r
      from unnest(${arr(prefixArgs.slo)}::uuid[], ${arr(prefixArgs.at)}::float8[], ${arr(prefixArgs.day)}::float8[])
        with ordinality as p(slo_id, at, day, i)
      cross join lateral (
        select s.cum_good, s.cum_total, s.cum_minutes, s.cum_bad, s.cum_ratio from sli_samples s
        where s.slo_id = p.slo_id and s.minute < to_timestamp(p.at) and s.minute >= to_timestamp(p.day)
        order by s.minute desc limit 1
      ) c
      union all
      select 1, q.i::int, d.g, d.t, d.m, d.b, d.r
      from unnest(${arr(spanArgs.slo)}::uuid[], ${arr(spanArgs.from)}::float8[], ${arr(spanArgs.to)}::float8[])
        with ordinality as q(slo_id, d0, d1, i)
      cross join lateral (
        select sum(least(x.good, 1.44e18))::float8 as g, sum(least(x.total, 1.44e18))::float8 as t,
          sum(x.minutes)::float8 as m, sum(x.bad_minutes)::float8 as b, sum(x.ratio_sum)::float8 as r
        from sli_daily x
        where x.slo_id = q.slo_id and x.day >= to_timestamp(q.d0) and x.day < to_timestamp(q.d1)
      ) d
      where d.g is not null`,
    );
    for (const r of rows) {
      values[Number(r.k) as 0 | 1].set(Number(r.i) - 1, [
        Number(r.g),
        Number(r.t),
        Number(r.m),
        Number(r.b),
        Number(r.r),
      ]);
    }
  }

  const out = new Map<string, SliAggregate>();
  for (const [key, list] of terms) {
    const sum: Sums = [0, 0, 0, 0, 0];
    for (const [sign, kind, i] of list) {
      const v = values[kind].get(i);
      if (v) for (let j = 0; j < 5; j++) sum[j] += sign * v[j];
    }
    out.set(key, {
      good: sum[0],
      total: sum[1],
      minutesWithData: Math.round(sum[2]),
      badMinutes: Math.round(sum[3]),
      ratioSum: sum[4],
    });
  }
  return out;
}
