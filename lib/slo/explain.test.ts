import { describe, expect, it } from 'vitest';
import {
  calendarBudgetNote,
  describeExhaustion,
  exhaustionHorizonMinutes,
  exhaustsBeyondWindow,
  periodLabel,
} from './explain';

const month = { type: 'calendar', unit: 'month', timezone: 'UTC' } as const;

describe('time to exhaustion', () => {
  it('beyond the end of the window reads "not within this window"', () => {
    // 115 days on a 30-day SLO.
    expect(exhaustsBeyondWindow(115 * 1440, 30 * 1440)).toBe(true);
    expect(describeExhaustion(115 * 1440, 30 * 1440)).toBe('not within this window');
    expect(describeExhaustion(2 * 1440, 30 * 1440)).toBe('2 d');
    expect(describeExhaustion(null, 30 * 1440)).toBe('not burning');
    expect(describeExhaustion(0, 30 * 1440)).toBe('exhausted');
  });

  it('a calendar window ends at the end of its period', () => {
    const now = new Date('2026-12-30T00:00:00Z');
    const end = new Date('2027-01-01T00:00:00Z');
    const horizon = exhaustionHorizonMinutes(month, now, end, 31 * 1440);
    expect(horizon).toBe(2 * 1440);
    expect(describeExhaustion(3 * 1440, horizon)).toBe('not within this window');
    expect(exhaustionHorizonMinutes({ type: 'rolling', days: 7 }, now, now, 7 * 1440)).toBe(7 * 1440);
  });
});

describe('calendar budget note', () => {
  it('says the budget is the whole period’s', () => {
    const start = new Date('2026-12-01T00:00:00Z');
    const note = calendarBudgetNote(
      month,
      { unit: 'minutes', budgetTotal: 223.2, budgetConsumed: 1, attainment: 0.99756 },
      start,
    );
    expect(note).toBe('223.2 min for December; 1 min used');
    expect(
      calendarBudgetNote(
        { type: 'rolling', days: 30 },
        { unit: 'minutes', budgetTotal: 1, budgetConsumed: 0, attainment: 1 },
        start,
      ),
    ).toBeNull();
  });

  it('names weeks and quarters', () => {
    expect(
      periodLabel({ type: 'calendar', unit: 'quarter', timezone: 'UTC' }, new Date('2026-10-01T00:00:00Z')),
    ).toBe('Q4 2026');
    expect(
      periodLabel({ type: 'calendar', unit: 'week', timezone: 'UTC' }, new Date('2026-11-30T00:00:00Z')),
    ).toBe('the week of Nov 30');
  });
});
