import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { queryRows } from '@/db/platform/sql';
import type { SliAggregate } from '@/lib/slo/budget';
import { mergeIntervals } from '@/lib/slo/corrections';
import { type PlanVisitor, visitRange } from '@/lib/slo/rollup-plan';
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
 * A batch of ranges to sum, in flat arrays (the status of 1,000 SLOs is 15,000 ranges): each
 * range's terms (lib/slo/rollup-plan), with the lookups and day runs deduplicated per SLO —
 * every range that ends at the same instant shares its C(end) lookup.
 */
export class SumPlan implements PlanVisitor {
  private readonly sloIndex = new Map<string, number>();
  readonly sloIds: string[] = [];
  // Lookups C(at): SLO (1-based index into sloIds) and instant (epoch seconds).
  private readonly probeKeys: Map<number, number>[] = [];
  readonly probeSlo: number[] = [];
  readonly probeAt: number[] = [];
  // Day runs [from, to) in day numbers since the epoch.
  private readonly runKeys: Map<number, number>[] = [];
  readonly runSlo: number[] = [];
  readonly runFrom: number[] = [];
  readonly runTo: number[] = [];
  // Terms, flat: range r owns [termStart[r], termStart[r + 1]); kind 0 = lookup, 1 = day run.
  private readonly termStart: number[] = [];
  private readonly termSign: number[] = [];
  private readonly termKind: number[] = [];
  private readonly termIdx: number[] = [];
  private current = 0;

  get size() {
    return this.termStart.length;
  }

  /** Starts the next range (its index is the order of the calls), for `sloId`. */
  range(sloId: string): this {
    let s = this.sloIndex.get(sloId);
    if (s === undefined) {
      s = this.sloIds.length;
      this.sloIndex.set(sloId, s);
      this.sloIds.push(sloId);
      this.probeKeys.push(new Map());
      this.runKeys.push(new Map());
    }
    this.current = s;
    this.termStart.push(this.termSign.length);
    return this;
  }

  /** Adds sign × Σ [start, end) (ms) to the current range. */
  add(start: number, end: number, sign: 1 | -1 = 1): this {
    visitRange(start, end, sign, this);
    return this;
  }

  prefix(at: number, sign: 1 | -1) {
    const keys = this.probeKeys[this.current];
    let i = keys.get(at);
    if (i === undefined) {
      i = this.probeSlo.length;
      keys.set(at, i);
      this.probeSlo.push(this.current + 1);
      this.probeAt.push(at / 1000);
    }
    this.term(0, i, sign);
  }

  days(from: number, to: number, sign: 1 | -1) {
    const keys = this.runKeys[this.current];
    const key = (from / DAY_MS) * 65_536 + (to - from) / DAY_MS;
    let i = keys.get(key);
    if (i === undefined) {
      i = this.runSlo.length;
      keys.set(key, i);
      this.runSlo.push(this.current + 1);
      this.runFrom.push(from / DAY_MS);
      this.runTo.push(to / DAY_MS);
    }
    this.term(1, i, sign);
  }

  private term(kind: 0 | 1, index: number, sign: 1 | -1) {
    this.termKind.push(kind);
    this.termIdx.push(index);
    this.termSign.push(sign);
  }

  /** Runs the plan: one query, then each range's sum in the order the ranges were started. */
  async sum(db: Executor): Promise<SliAggregate[]> {
    const probes = new Float64Array(this.probeSlo.length * 5);
    const runs = new Float64Array(this.runSlo.length * 5);
    if (this.probeSlo.length + this.runSlo.length > 0) {
      const arr = (xs: (string | number)[]) => `{${xs.join(',')}}`;
      // SLO ids travel once; lookups and runs name their SLO by its position. Lookups come
      // back with i > 0, day runs with i < 0.
      const rows = await queryRows<{ i: number; g: number; t: number; m: number; b: number; r: number }>(
        db,
        sql`
        with ids as materialized (
          select id, n::int as n from unnest(${arr(this.sloIds)}::uuid[]) with ordinality as t(id, n)
        )
        select p.i::int as i, c.cum_good as g, c.cum_total as t, c.cum_minutes::float8 as m,
          c.cum_bad::float8 as b, c.cum_ratio as r
        from unnest(${arr(this.probeSlo)}::int[], ${arr(this.probeAt)}::int8[]) with ordinality as p(s, at, i)
        join ids on ids.n = p.s
        cross join lateral (
          select x.cum_good, x.cum_total, x.cum_minutes, x.cum_bad, x.cum_ratio from sli_samples x
          where x.slo_id = ids.id and x.minute < to_timestamp(p.at) and x.minute >= to_timestamp(p.at - p.at % 86400)
          order by x.minute desc limit 1
        ) c
        union all
        select -q.i::int, d.g, d.t, d.m, d.b, d.r
        from unnest(${arr(this.runSlo)}::int[], ${arr(this.runFrom)}::int8[], ${arr(this.runTo)}::int8[])
          with ordinality as q(s, d0, d1, i)
        join ids on ids.n = q.s
        cross join lateral (
          select sum(least(x.good, 1.44e18))::float8 as g, sum(least(x.total, 1.44e18))::float8 as t,
            sum(x.minutes)::float8 as m, sum(x.bad_minutes)::float8 as b, sum(x.ratio_sum)::float8 as r
          from sli_daily x
          where x.slo_id = ids.id and x.day >= to_timestamp(q.d0 * 86400) and x.day < to_timestamp(q.d1 * 86400)
        ) d
        where d.g is not null`,
      );
      for (const row of rows) {
        const i = Number(row.i);
        const v = i > 0 ? probes : runs;
        const o = (Math.abs(i) - 1) * 5;
        v[o] = Number(row.g);
        v[o + 1] = Number(row.t);
        v[o + 2] = Number(row.m);
        v[o + 3] = Number(row.b);
        v[o + 4] = Number(row.r);
      }
    }
    const n = this.termStart.length;
    const out: SliAggregate[] = new Array(n);
    const { termStart, termKind, termIdx, termSign } = this;
    for (let r = 0; r < n; r++) {
      let good = 0;
      let total = 0;
      let minutes = 0;
      let bad = 0;
      let ratio = 0;
      const last = r + 1 < n ? termStart[r + 1] : termSign.length;
      for (let t = termStart[r]; t < last; t++) {
        const v = termKind[t] === 0 ? probes : runs;
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
}

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
  const plan = new SumPlan();
  for (const r of requests) {
    const start = r.start.getTime();
    const end = r.end.getTime();
    plan.range(r.sloId).add(start, end);
    if (r.exclude?.length) {
      for (const ex of mergeIntervals(r.exclude)) {
        const a = Math.max(ex.start.getTime(), start);
        const b = Math.min(ex.end.getTime(), end);
        if (b > a) plan.add(a, b, -1);
      }
    }
  }
  return plan.sum(db);
}

/** aggregateRangesInOrder, keyed by aggregateKey(sloId, key). */
export async function aggregateRanges(
  db: Executor,
  requests: RangeRequest[],
): Promise<Map<string, SliAggregate>> {
  const sums = await aggregateRangesInOrder(db, requests);
  return new Map(requests.map((r, i) => [aggregateKey(r.sloId, r.key), sums[i]]));
}
