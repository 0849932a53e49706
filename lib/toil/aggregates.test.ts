import { describe, expect, it } from 'vitest';
import {
  AUTOMATABLE_FRACTION,
  automationCandidate,
  daysInMonth,
  isOverCap,
  monthKey,
  teamCapacityMinutes,
  toilPercent,
  weekStart,
} from './aggregates';

describe('team capacity and toil % (SPEC 1.4)', () => {
  it('a team of 4 at 40h has 4 × 40 × 60 = 9600 minutes a week', () => {
    expect(teamCapacityMinutes(4, 40, 7)).toBe(9600);
    expect(teamCapacityMinutes(4, 40)).toBe(9600);
  });

  it('scales a month by its days ÷ 7', () => {
    expect(teamCapacityMinutes(4, 40, 30)).toBeCloseTo((9600 * 30) / 7, 9);
    expect(teamCapacityMinutes(4, 40, 30)).toBeCloseTo(41142.857142857, 6);
    expect(teamCapacityMinutes(4, 40, 28)).toBe(38400);
  });

  it('4800 toil minutes of 9600 is 50%, at the cap but not over it', () => {
    const fraction = toilPercent(4800, 9600);
    expect(fraction).toBe(0.5);
    expect(isOverCap(fraction)).toBe(false);
  });

  it('4801 toil minutes of 9600 is over the 50% cap', () => {
    const fraction = toilPercent(4801, 9600);
    expect(fraction).toBeCloseTo(0.500104, 6);
    expect(isOverCap(fraction)).toBe(true);
  });

  it('honours a configured cap', () => {
    expect(isOverCap(0.45, 0.4)).toBe(true);
    expect(isOverCap(0.45, 0.6)).toBe(false);
  });

  it('has no toil % for a team without capacity, and never flags it', () => {
    expect(toilPercent(120, 0)).toBeNull();
    expect(toilPercent(0, teamCapacityMinutes(0, 40))).toBeNull();
    expect(isOverCap(null)).toBe(false);
  });

  it('zero toil is 0%', () => {
    expect(toilPercent(0, 9600)).toBe(0);
  });
});

describe('weekStart and monthKey', () => {
  it.each([
    ['2024-01-03T15:30:00Z', '2024-01-01T00:00:00.000Z'], // Wednesday
    ['2024-01-07T23:59:59Z', '2024-01-01T00:00:00.000Z'], // Sunday belongs to the week before
    ['2024-01-08T00:00:00Z', '2024-01-08T00:00:00.000Z'], // Monday is its own start
    ['2021-01-01T12:00:00Z', '2020-12-28T00:00:00.000Z'], // across a year
    ['2024-03-01T08:00:00Z', '2024-02-26T00:00:00.000Z'], // across a leap February
  ])('week of %s starts %s', (date, expected) => {
    expect(weekStart(new Date(date)).toISOString()).toBe(expected);
  });

  it('keys months as YYYY-MM in UTC', () => {
    expect(monthKey(new Date('2024-03-05T10:00:00Z'))).toBe('2024-03');
    expect(monthKey(new Date('2024-12-31T23:59:59Z'))).toBe('2024-12');
    expect(monthKey(new Date('2025-01-01T00:00:00Z'))).toBe('2025-01');
  });

  it('counts the days of a month', () => {
    expect(daysInMonth(new Date('2024-02-10T00:00:00Z'))).toBe(29);
    expect(daysInMonth(new Date('2023-02-10T00:00:00Z'))).toBe(28);
    expect(daysInMonth(new Date('2024-04-30T23:00:00Z'))).toBe(30);
    expect(daysInMonth(new Date('2024-12-01T00:00:00Z'))).toBe(31);
  });
});

describe('automationCandidate (SPEC 1.4 payback)', () => {
  const base = { task: 'Rotate certs', entriesPerMonth: 20, avgMinutes: 30, estimatedAutomationHours: 40 };

  it('20×/month at 30 min, fully automatable: 10 h/month saved, 40 h pays back in 4 months', () => {
    const candidate = automationCandidate({ ...base, automatable: 'full' });
    expect(candidate.hoursSavedPerMonth).toBe(10);
    expect(candidate.paybackMonths).toBe(4);
    expect(candidate.task).toBe('Rotate certs');
  });

  it('partial automation halves the saving and doubles the payback', () => {
    const candidate = automationCandidate({ ...base, automatable: 'partial' });
    expect(candidate.hoursSavedPerMonth).toBe(5);
    expect(candidate.paybackMonths).toBe(8);
  });

  it('saves nothing and never pays back when not automatable', () => {
    const candidate = automationCandidate({ ...base, automatable: 'none' });
    expect(candidate.hoursSavedPerMonth).toBe(0);
    expect(candidate.paybackMonths).toBeNull();
  });

  it('uses the SPEC fractions', () => {
    expect(AUTOMATABLE_FRACTION).toEqual({ none: 0, partial: 0.5, full: 1 });
  });
});
