import { describe, expect, it } from 'vitest';
import { alertWindows } from './alerts';
import type { SliAggregate } from './budget';
import { burnChartInstants, chartBucketMs, chartBuckets, sliAndBurndown, tierBurnSeries } from './series';

const agg = (good: number, total: number): SliAggregate => ({
  good,
  total,
  minutesWithData: total > 0 ? 1 : 0,
  badMinutes: 0,
  ratioSum: total > 0 ? good / total : 0,
});

describe('chart buckets', () => {
  it('takes the finest bucket with at most 250 points', () => {
    expect(chartBucketMs(6 * 3_600_000)).toBe(5 * 60_000);
    expect(chartBucketMs(30 * 86_400_000)).toBe(3 * 3_600_000);
    expect(chartBucketMs(90 * 86_400_000)).toBe(86_400_000);
  });

  it('cuts the first and last bucket to the range', () => {
    const b = chartBuckets(new Date('2026-11-01T00:10:00Z'), new Date('2026-11-01T01:20:00Z'), 3_600_000);
    expect(b.map((x) => [x.start.toISOString(), x.end.toISOString()])).toEqual([
      ['2026-11-01T00:10:00.000Z', '2026-11-01T01:00:00.000Z'],
      ['2026-11-01T01:00:00.000Z', '2026-11-01T01:20:00.000Z'],
    ]);
  });
});

describe('sliAndBurndown', () => {
  it('ends the burndown at the budget left, counting consumption before the range', () => {
    const start = new Date('2026-11-01T00:00:00Z');
    const { sli, burndown } = sliAndBurndown({
      method: 'occurrences',
      budgetTotal: 10,
      windowStart: start,
      windowMinutes: 120,
      consumedBefore: 2,
      buckets: [
        { start, end: new Date('2026-11-01T01:00:00Z'), agg: agg(97, 100) },
        { start: new Date('2026-11-01T01:00:00Z'), end: new Date('2026-11-01T02:00:00Z'), agg: undefined },
      ],
    });
    expect(sli.map((p) => p.attainment)).toEqual([0.97, null]);
    expect(burndown.map((p) => p.remaining)).toEqual([0.5, 0.5]);
    expect(burndown.map((p) => p.ideal)).toEqual([0.5, 0]);
  });
});

describe('tierBurnSeries', () => {
  it('is the lower burn of each tier’s two scaled windows', () => {
    const tiers = alertWindows(7);
    // 7 days: tier 1 reads 14 min and 1 min. Budget 0.1% → 2% errors burn 20×, 1% burns 10×.
    const [p] = tierBurnSeries(tiers, 'occurrences', 0.999, [
      { t: 1, windows: { 14: agg(980, 1000), 1: agg(990, 1000) } },
    ]);
    expect(p.t1).toBeCloseTo(10, 9);
    expect(p.t2).toBeNull();
  });
});

describe('burnChartInstants', () => {
  it('puts whole-hour instants inside the range and ends at its end', () => {
    const from = new Date('2026-11-01T00:00:00Z');
    const to = new Date('2026-11-08T00:07:00Z');
    const t = burnChartInstants(from, to, 96);
    expect(t.length).toBeLessThanOrEqual(97);
    expect(t.at(-1)).toBe(to.getTime());
    expect(t.slice(0, -1).every((x) => x % 3_600_000 === 0)).toBe(true);
  });
});
