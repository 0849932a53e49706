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

const DAY_MS = 86_400_000;

/**
 * Sums SLI aggregates for many (SLO, range) pairs in one query. A range is whole
 * days from the daily rollup plus two lookups of the raw minutes' running day sums
 * (lib/slo/rollup-plan); excluded ranges are subtracted the same way. Ranges that
 * share an end or a start (an SLO's window, lookbacks and alert windows all end
 * now) share their lookups, so the status of 1,000 SLOs is ~9 index probes and
 * ~3 short daily scans per SLO. Results come back in the order of `requests`.
 */
export async function aggregateRangesInOrder(
  db: Executor,
  requests: RangeRequest[],
): Promise<SliAggregate[]> {
  // Lookups and day runs, deduplicated per SLO (numeric keys: this runs for 15,000 ranges at once).
  const prefixIndex = new Map<string, Map<number, number>>();
  const spanIndex = new Map<string, Map<number, number>>();
  const prefixSlo: string[] = [];
  const prefixAt: number[] = [];
  const prefixDay: number[] = [];
  const spanSlo: string[] = [];
  const spanFrom: number[] = [];
  const spanTo: number[] = [];
  // Terms, flat: request r owns [termStart[r], termStart[r + 1]); kind 0 = lookup, 1 = day run.
  const termStart: number[] = [];
  const termSign: number[] = [];
  const termKind: number[] = [];
  const termIdx: number[] = [];

  const lookup = (slo: string, at: number) => {
    let bySlo = prefixIndex.get(slo);
    if (!bySlo) {
      bySlo = new Map();
      prefixIndex.set(slo, bySlo);
    }
    let i = bySlo.get(at);
    if (i === undefined) {
      i = prefixSlo.length;
      bySlo.set(at, i);
      prefixSlo.push(slo);
      prefixAt.push(at / 1000);
      prefixDay.push(Math.floor(at / DAY_MS) * 86_400);
    }
    return i;
  };
  const run = (slo: string, from: number, to: number) => {
    let bySlo = spanIndex.get(slo);
    if (!bySlo) {
      bySlo = new Map();
      spanIndex.set(slo, bySlo);
    }
    const key = from * 8192 + (to - from) / DAY_MS;
    let i = bySlo.get(key);
    if (i === undefined) {
      i = spanSlo.length;
      bySlo.set(key, i);
      spanSlo.push(slo);
      spanFrom.push(from / 1000);
      spanTo.push(to / 1000);
    }
    return i;
  };
  const add = (slo: string, sign: 1 | -1, start: Date, end: Date) => {
    for (const term of planRange(start, end, sign)) {
      termSign.push(term.sign);
      if (term.kind === 'prefix') {
        termKind.push(0);
        termIdx.push(lookup(slo, term.at));
      } else {
        termKind.push(1);
        termIdx.push(run(slo, term.from, term.to));
      }
    }
  };
  for (const r of requests) {
    termStart.push(termSign.length);
    add(r.sloId, 1, r.start, r.end);
    if (r.exclude?.length) {
      for (const ex of mergeIntervals(r.exclude)) {
        const start = new Date(Math.max(ex.start.getTime(), r.start.getTime()));
        const end = new Date(Math.min(ex.end.getTime(), r.end.getTime()));
        if (end > start) add(r.sloId, -1, start, end);
      }
    }
  }
  termStart.push(termSign.length);

  // values[kind][index * 5 + j]: good, total, minutes, bad minutes, ratio sum.
  const values = [new Float64Array(prefixSlo.length * 5), new Float64Array(spanSlo.length * 5)];
  if (prefixSlo.length + spanSlo.length > 0) {
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
      from unnest(${arr(prefixSlo)}::uuid[], ${arr(prefixAt)}::float8[], ${arr(prefixDay)}::float8[])
        with ordinality as p(slo_id, at, day, i)
      cross join lateral (
        select s.cum_good, s.cum_total, s.cum_minutes, s.cum_bad, s.cum_ratio from sli_samples s
        where s.slo_id = p.slo_id and s.minute < to_timestamp(p.at) and s.minute >= to_timestamp(p.day)
        order by s.minute desc limit 1
      ) c
      union all
      select 1, q.i::int, d.g, d.t, d.m, d.b, d.r
      from unnest(${arr(spanSlo)}::uuid[], ${arr(spanFrom)}::float8[], ${arr(spanTo)}::float8[])
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
      const v = values[Number(r.k)];
      const o = (Number(r.i) - 1) * 5;
      v[o] = Number(r.g);
      v[o + 1] = Number(r.t);
      v[o + 2] = Number(r.m);
      v[o + 3] = Number(r.b);
      v[o + 4] = Number(r.r);
    }
  }

  const out: SliAggregate[] = new Array(requests.length);
  for (let r = 0; r < requests.length; r++) {
    let good = 0;
    let total = 0;
    let minutes = 0;
    let bad = 0;
    let ratio = 0;
    for (let t = termStart[r]; t < termStart[r + 1]; t++) {
      const v = values[termKind[t]];
      const o = termIdx[t] * 5;
      const sign = termSign[t];
      good += sign * v[o];
      total += sign * v[o + 1];
      minutes += sign * v[o + 2];
      bad += sign * v[o + 3];
      ratio += sign * v[o + 4];
    }
    out[r] = {
      good,
      total,
      minutesWithData: Math.round(minutes),
      badMinutes: Math.round(bad),
      ratioSum: ratio,
    };
  }
  return out;
}

/** aggregateRangesInOrder, keyed by aggregateKey(sloId, key). */
export async function aggregateRanges(
  db: Executor,
  requests: RangeRequest[],
): Promise<Map<string, SliAggregate>> {
  const sums = await aggregateRangesInOrder(db, requests);
  return new Map(requests.map((r, i) => [aggregateKey(r.sloId, r.key), sums[i]]));
}
