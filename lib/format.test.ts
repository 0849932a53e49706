import { describe, expect, it } from 'vitest';
import {
  DAY_MS,
  formatBudgetLeft,
  formatBurn,
  formatDateTime,
  formatDay,
  formatDuration,
  formatHours,
  formatIsoDate,
  formatMinutes,
  formatPayback,
  formatPercent,
  formatPeriod,
  formatServiceTier,
  formatTarget,
  formatTime,
  formatTimeTick,
  formatTimeToExhaustion,
  HOUR_MS,
  MINUTE_MS,
  slugify,
  WEEK_MS,
} from './format';

describe('time constants', () => {
  it('are milliseconds', () => {
    expect(MINUTE_MS).toBe(60_000);
    expect(HOUR_MS).toBe(3_600_000);
    expect(DAY_MS).toBe(86_400_000);
    expect(WEEK_MS).toBe(604_800_000);
  });
});

describe('formatPercent', () => {
  it('keeps trailing zeros by default (two digits)', () => {
    expect(formatPercent(0.999)).toBe('99.90%');
    expect(formatPercent(0.99912, 3)).toBe('99.912%');
    expect(formatPercent(0.3421, 1)).toBe('34.2%');
    expect(formatPercent(0.5, 0)).toBe('50%');
    expect(formatPercent(-0.125, 1)).toBe('-12.5%');
  });
  it('trims trailing zeros on request', () => {
    expect(formatPercent(0.999, { digits: 3, zeros: 'trim' })).toBe('99.9%');
    expect(formatPercent(0.95, { digits: 3, zeros: 'trim' })).toBe('95%');
    expect(formatPercent(0.12345, { digits: 1, zeros: 'trim' })).toBe('12.3%');
  });
  it('shows a dash for missing numbers', () => {
    expect(formatPercent(null)).toBe('—');
    expect(formatPercent(undefined)).toBe('—');
    expect(formatPercent(Number.NaN)).toBe('—');
    expect(formatPercent(Number.POSITIVE_INFINITY)).toBe('—');
  });
  it('formats targets with the digits they have', () => {
    expect(formatTarget(0.999)).toBe('99.9%');
    expect(formatTarget(0.9995)).toBe('99.95%');
    expect(formatTarget(0.95)).toBe('95%');
  });
});

describe('formatBurn', () => {
  it('fixed: two decimals under 10, one above', () => {
    expect(formatBurn(14.4)).toBe('14.4×');
    expect(formatBurn(2)).toBe('2.00×');
    expect(formatBurn(0.456)).toBe('0.46×');
    expect(formatBurn(null)).toBe('—');
  });
  it('trim: axis style', () => {
    expect(formatBurn(2, 'trim')).toBe('2×');
    expect(formatBurn(14.4, 'trim')).toBe('14.4×');
    expect(formatBurn(123.4, 'trim')).toBe('123×');
    expect(formatBurn(0.25, 'trim')).toBe('0.25×');
  });
});

describe('durations', () => {
  it('compact minutes', () => {
    expect(formatMinutes(0.5)).toBe('30 s');
    expect(formatMinutes(43.2)).toBe('43.2 min');
    expect(formatMinutes(150)).toBe('2.5 h');
    expect(formatMinutes(4320)).toBe('3 d');
  });
  it('exact two-unit durations', () => {
    expect(formatDuration(45)).toBe('45 min');
    expect(formatDuration(125)).toBe('2 h 5 min');
    expect(formatDuration(120)).toBe('2 h');
    expect(formatDuration(1500)).toBe('1 d 1 h');
    expect(formatDuration(2880)).toBe('2 d');
    expect(formatDuration(0)).toBe('0 min');
    expect(formatDuration(-90)).toBe('-1 h 30 min');
  });
  it('hours, payback and time to exhaustion', () => {
    expect(formatHours(4900)).toBe('81.7 h');
    expect(formatHours(74_040)).toBe('1,234 h');
    expect(formatPayback(0.6)).toBe('0.6 mo');
    expect(formatPayback(12.4)).toBe('12 mo');
    expect(formatPayback(null)).toBe('never');
    expect(formatTimeToExhaustion(null)).toBe('not burning');
    expect(formatTimeToExhaustion(0)).toBe('exhausted');
    expect(formatTimeToExhaustion(90)).toBe('90 min');
  });
  it('budget left in its own unit', () => {
    expect(formatBudgetLeft(43.2, 25.2, 'minutes')).toBe('18 min of 43.2 min');
    expect(formatBudgetLeft(4300, 3100, 'events')).toBe('1200 of 4300 events');
    expect(formatBudgetLeft(43_000, 1000, 'events')).toBe('42K of 43K events');
    // Overspent: by how much, never a negative "left".
    expect(formatBudgetLeft(43.2, 49.2, 'minutes')).toBe('6 min over a 43.2 min budget');
    expect(formatBudgetLeft(4300, 4800, 'events')).toBe('500 events over a 4300 budget');
  });
});

describe('dates and times (UTC)', () => {
  const t = Date.UTC(2024, 0, 22, 14, 5);
  it('formats instants', () => {
    expect(formatIsoDate(new Date(t))).toBe('2024-01-22');
    expect(formatDay(t)).toBe('Jan 22');
    expect(formatTime(t)).toBe('14:05');
    expect(formatDateTime(new Date(t))).toBe('Jan 22, 14:05 UTC');
  });
  it('axis ticks show days at midnight and times otherwise', () => {
    expect(formatTimeTick(Date.UTC(2024, 10, 3))).toBe('Nov 3');
    expect(formatTimeTick(Date.UTC(2024, 10, 3, 14))).toBe('14:00');
    expect(formatTimeTick(Number.NaN)).toBe('');
  });
  it('period keys', () => {
    expect(formatPeriod('2024-01-22')).toBe('Jan 22');
    expect(formatPeriod('2024-01')).toBe('Jan 2024');
  });
});

describe('slugify', () => {
  it('makes URL-safe slugs', () => {
    expect(slugify('Checkout API (EU)')).toBe('checkout-api-eu');
    expect(slugify('  Backup/restore  ')).toBe('backup-restore');
    expect(slugify('--x--')).toBe('x');
    expect(slugify('')).toBe('');
  });
  it('caps the length without a trailing dash', () => {
    expect(slugify('abc def', 4)).toBe('abc');
    expect(slugify('a'.repeat(80), 63)).toHaveLength(63);
  });
});

describe('service tiers', () => {
  it('spells the tier out, marking tier 0 as critical', () => {
    expect(formatServiceTier(0)).toBe('Tier 0 (critical)');
    expect(formatServiceTier(2)).toBe('Tier 2');
  });
});
