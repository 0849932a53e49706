import { describe, expect, it } from 'vitest';
import { defaultRange, monthsOf, overlapDays, parseRange, weekKey, weeksOf } from './periods';
import { periodToil, shareOf } from './report';

describe('report periods', () => {
  it('keys a date by the Monday of its ISO week', () => {
    expect(weekKey('2024-01-07')).toBe('2024-01-01');
    expect(weekKey('2024-01-08')).toBe('2024-01-08');
    expect(weekKey('2021-01-01')).toBe('2020-12-28');
  });

  it('lists the weeks and months a range touches', () => {
    const range = { from: '2024-02-28', to: '2024-03-12' };
    expect(weeksOf(range).map((w) => w.key)).toEqual(['2024-02-26', '2024-03-04', '2024-03-11']);
    expect(monthsOf(range)).toEqual([
      { key: '2024-02', start: '2024-02-01', end: '2024-02-29' },
      { key: '2024-03', start: '2024-03-01', end: '2024-03-31' },
    ]);
    expect(overlapDays(monthsOf(range)[0], range)).toBe(2);
  });

  it('defaults to the last 8 ISO weeks up to today', () => {
    expect(defaultRange('2024-03-13')).toEqual({ from: '2024-01-22', to: '2024-03-13' });
  });

  it('parses URL bounds, clamps the end to today and falls back on nonsense', () => {
    const today = '2024-03-13';
    expect(parseRange('2024-01-01', '2024-12-31', today)).toEqual({ from: '2024-01-01', to: today });
    expect(parseRange('2023-02-29', 'x', today)).toEqual(defaultRange(today));
    expect(parseRange('2024-03-10', '2024-03-01', today)).toEqual(defaultRange(today));
    expect(parseRange('2000-01-01', today, today, 10)).toEqual({ from: '2024-03-04', to: today });
  });
});

describe('periodToil (SPEC 1.4 toil %)', () => {
  const team = { members: 4, weeklyHoursPerMember: 40 };
  const range = { from: '2024-01-01', to: '2024-01-10' };
  const weeks = weeksOf(range);

  it('divides a whole week by members × hours × 60 and flags it above the cap', () => {
    const [week1] = periodToil(weeks, new Map([['2024-01-01', 4801]]), [team], range, 0.5);
    expect(week1).toMatchObject({ days: 7, partial: false, capacityMinutes: 9600, overCap: true });
    expect(week1.fraction).toBeCloseTo(0.500104, 6);
  });

  it('counts only the days in range for a cut week, and never flags it', () => {
    const [, week2] = periodToil(weeks, new Map([['2024-01-08', 3000]]), [team], range, 0.5);
    // 3 of 7 days: 9600 × 3 ÷ 7 ≈ 4114.29 minutes of capacity; 3000 ÷ 4114.29 ≈ 72.9%.
    expect(week2.days).toBe(3);
    expect(week2.partial).toBe(true);
    expect(week2.capacityMinutes).toBeCloseTo(4114.2857, 3);
    expect(week2.fraction).toBeCloseTo(0.7292, 4);
    expect(week2.overCap).toBe(false);
  });

  it('adds the capacities of several teams', () => {
    const [week1] = periodToil(
      weeks,
      new Map([['2024-01-01', 3600]]),
      [team, { members: 2, weeklyHoursPerMember: 30 }],
      range,
      0.5,
    );
    expect(week1.capacityMinutes).toBe(9600 + 3600);
    expect(week1.fraction).toBeCloseTo(3600 / 13200, 9);
  });

  it('has no fraction without members', () => {
    const [week1] = periodToil(weeks, new Map(), [{ members: 0, weeklyHoursPerMember: 40 }], range, 0.5);
    expect(week1.fraction).toBeNull();
    expect(week1.overCap).toBe(false);
  });

  it('computes shares', () => {
    expect(shareOf(30, 120)).toBe(0.25);
    expect(shareOf(0, 0)).toBeNull();
  });
});

describe('flags on cut periods', () => {
  it('flags a month cut by the range when at least a week of it is in range', () => {
    const range = { from: '2024-01-05', to: '2024-02-03' };
    const team = { members: 1, weeklyHoursPerMember: 40 };
    const [jan, feb] = periodToil(
      monthsOf(range),
      new Map([
        ['2024-01', 10_000],
        ['2024-02', 2_000],
      ]),
      [team],
      range,
      0.5,
    );
    // January: 27 days in range, 2400 × 27 ÷ 7 ≈ 9257 minutes of capacity.
    expect(jan).toMatchObject({ days: 27, partial: true, overCap: true });
    // February: 3 days, never flagged however high.
    expect(feb).toMatchObject({ days: 3, partial: true, overCap: false });
  });
});
