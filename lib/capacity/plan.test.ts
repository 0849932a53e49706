import { describe, expect, it } from 'vitest';
import { analyseCapacity, capacityStatus } from './analysis';
import {
  daysToExhaustion,
  evaluateScenario,
  type ResourceSizing,
  requiredInstances,
  scenarioDemand,
  usableCapacity,
} from './plan';
import { DAY_MS, dailyPeaks } from './series';
import type { ForecastPoint } from './types';

// 10 instances × 100 rps × 70% = 700 rps usable.
const sizing: ResourceSizing = {
  capacityPerInstance: 100,
  instances: 10,
  targetUtilisation: 0.7,
  redundancy: 1,
  leadTimeDays: 14,
};

const line = (start: number, perDay: number, n: number, band = 0): ForecastPoint[] =>
  Array.from({ length: n }, (_, i) => {
    const mean = start + perDay * (i + 1);
    return { day: i + 1, mean, lower: mean - band, upper: mean + band };
  });

describe('time to exhaustion', () => {
  it('is the first day the forecast (or upper band) reaches instances × capacity × target', () => {
    expect(usableCapacity(sizing)).toBeCloseTo(700, 12);
    const points = line(600, 10, 100, 25);
    expect(daysToExhaustion(points, 700, 'mean', 600)).toBe(10);
    expect(daysToExhaustion(points, 700, 'upper', 600)).toBe(8); // 600 + 80 + 25 ≥ 700 on day 8
  });

  it('is 0 when demand already exceeds it, never negative', () => {
    expect(daysToExhaustion(line(800, -5, 30), 700, 'mean', 800)).toBe(0);
  });

  it('is not within the horizon for flat or falling demand', () => {
    expect(daysToExhaustion(line(500, 0, 365), 700, 'mean', 500)).toBeNull();
    expect(daysToExhaustion(line(500, -1, 365), 700, 'upper', 500)).toBeNull();
  });
});

describe('required instances', () => {
  it('is ⌈upper ÷ (capacity × target)⌉ + k', () => {
    expect(requiredInstances(1000, sizing)).toBe(16); // ⌈1000 / 70⌉ = 15, + 1
    expect(requiredInstances(700, sizing)).toBe(11); // exactly 10, + 1
    expect(requiredInstances(1000, { ...sizing, redundancy: 2 })).toBe(17);
  });

  it('never goes negative for falling demand', () => {
    expect(requiredInstances(-50, sizing)).toBe(1);
    expect(requiredInstances(0, { ...sizing, redundancy: 0 })).toBe(0);
  });
});

describe('scenarios', () => {
  it('multiplies demand or compounds monthly growth', () => {
    expect(scenarioDemand(100, { name: 'launch', kind: 'multiplier', value: 10 }, 45)).toBe(1000);
    expect(scenarioDemand(100, { name: 'growth', kind: 'growth', value: 10 }, 60)).toBeCloseTo(121, 10);
  });

  it('gives the instances each scenario needs', () => {
    const points = line(300, 0, 90, 50); // flat 300, upper 350
    const launch = evaluateScenario(points, 300, { name: 'Launch', kind: 'multiplier', value: 10 }, sizing);
    // 3,500 ÷ 70 = 50, + 1
    expect(launch.instances).toEqual([
      { days: 30, instances: 51 },
      { days: 60, instances: 51 },
      { days: 90, instances: 51 },
    ]);
    expect(launch.daysToExhaustion).toBe(0);
    const growth = evaluateScenario(points, 300, { name: '+10%/mo', kind: 'growth', value: 10 }, sizing);
    // 350 × 1.1 = 385 → 6 (+1); 350 × 1.21 = 423.5 → 7 (+1); 350 × 1.331 = 465.85 → 7 (+1)
    expect(growth.instances.map((i) => i.instances)).toEqual([7, 8, 8]);
  });
});

describe('daily series', () => {
  it('keeps the peak of each UTC day and interpolates missing days', () => {
    const d0 = Date.UTC(2026, 0, 1);
    const series = dailyPeaks([
      { ts: d0 + 3_600_000, value: 5 },
      { ts: d0 + 7_200_000, value: 9 },
      { ts: new Date(d0 + 3 * DAY_MS), value: 15 },
    ]);
    expect(series).toEqual({ firstDay: d0, values: [9, 11, 13, 15], observedDays: 2 });
    expect(dailyPeaks([])).toBeNull();
  });
});

describe('analyseCapacity', () => {
  const day0 = Date.UTC(2026, 0, 1);
  const now = new Date(day0 + 119 * DAY_MS + 3_600_000);
  const samples = (f: (i: number) => number) =>
    Array.from({ length: 120 }, (_, i) => ({ ts: day0 + i * DAY_MS, value: f(i) }));

  it('dates exhaustion and the order-by date from today, and flags an order due within the lead time', () => {
    // 2 rps a day from 401: 699 on day index 149, 701 on 150 → 31 days after the last sample (30 April).
    const a = analyseCapacity(
      samples((i) => 401 + 2 * i),
      sizing,
      [],
      now,
    );
    const linear = a.models.find((m) => m.kind === 'linear');
    expect(linear?.exhaustion.days).toBe(31);
    expect(linear?.exhaustion.date).toBe('2026-05-31');
    expect(linear?.exhaustion.orderBy).toBe('2026-05-17');
    expect(linear?.exhaustionUpper.days).toBe(31); // an exact line has a zero-width band
    expect(linear?.required.map((r) => r.instances)).toEqual([11, 12, 13]); // ⌈699/70⌉+1, ⌈759/70⌉+1, ⌈819/70⌉+1
    expect(capacityStatus(a, 14)).toBe('ok'); // order by 17 May: more than 14 days away
    expect(capacityStatus({ ...a, defaultModel: 'linear' }, 20)).toBe('order-soon');
    expect(capacityStatus({ ...a, defaultModel: 'linear' }, 40)).toBe('order-now');
  });

  it('says "not within the horizon" for falling demand, with k instances at least', () => {
    const a = analyseCapacity(
      samples((i) => 600 - i),
      sizing,
      [],
      now,
    );
    for (const m of a.models) {
      expect(m.exhaustion).toEqual({ date: null, days: null, orderBy: null });
      expect(m.required.every((r) => r.instances >= sizing.redundancy)).toBe(true);
    }
    expect(capacityStatus(a, 14)).toBe('ok');
  });

  it('has no forecast without samples', () => {
    const a = analyseCapacity([], sizing, [], now);
    expect(a.models).toEqual([]);
    expect(capacityStatus(a, 14)).toBe('no-data');
  });
});
