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

import { checkDate } from '@/lib/toil/csv-fields';
import { correctionInput } from './slo';

describe('impossible dates in toil and corrections (issue 9 item 7)', () => {
  it('refuses toil dates of year 1000 and 0099 with a clear message', () => {
    const now = new Date(Date.UTC(2026, 10, 1));
    expect(checkDate('1000-01-01', now)).toMatchObject({ ok: false, message: expect.stringMatching(/2000/) });
    expect(checkDate('0099-01-01', now)).toMatchObject({ ok: false, message: expect.stringMatching(/2000/) });
    expect(checkDate('2026-02-30', now)).toMatchObject({ ok: false });
  });
  it('refuses corrections from 0001 to 9999, impossible days and quarter-plus spans', () => {
    const r = (startsAt: string, endsAt: string) =>
      correctionInput.safeParse({ startsAt, endsAt, reason: 'maint' });
    expect(r('0001-01-01T00:00Z', '9999-12-31T00:00Z').success).toBe(false);
    expect(r('2026-02-30T10:00Z', '2026-03-01T10:00Z').success).toBe(false);
    expect(r('2026-01-01T00:00Z', '2026-12-01T00:00Z').success).toBe(false);
    expect(r('2026-03-01T10:00Z', '2026-03-01T11:00Z').success).toBe(true);
  });
});
