import { describe, expect, it } from 'vitest';
import { dateProblem, isRealCalendarDate } from './dates';

describe('impossible dates roll over (issue 9 item 7)', () => {
  it('refuses days that do not exist', () => {
    expect(isRealCalendarDate('2026-02-30T10:00Z')).toBe(false);
    expect(isRealCalendarDate('2026-11-31')).toBe(false);
    expect(isRealCalendarDate('2026-13-01')).toBe(false);
    expect(isRealCalendarDate('2026-01-01T24:00Z')).toBe(false);
    expect(isRealCalendarDate('2028-02-29')).toBe(true);
    expect(isRealCalendarDate('2026-02-28T23:59:59Z')).toBe(true);
  });
  it('bounds dates to a sensible range', () => {
    expect(dateProblem('1000-01-01')).toMatch(/between/);
    expect(dateProblem('0001-01-01')).toMatch(/between/);
    expect(dateProblem('9999-12-31')).toMatch(/between/);
    expect(dateProblem('0099-01-01')).toMatch(/between/);
    expect(dateProblem('2026-02-30')).toMatch(/real calendar date/);
    expect(dateProblem('2026-06-01')).toBeNull();
  });
});
