import { describe, expect, it } from 'vitest';
import {
  ALERT_TIERS,
  alertState,
  alertTierLabel,
  alertWindowMinutes,
  alertWindows,
  evaluateAlerts,
  formatWindow,
  nominalWindowDays,
  pagingBurn,
  scaleWindowMinutes,
} from './alerts';

const DAYS_30 = 30 * 1440;
const pairs = (days: number) => alertWindows(days).map((t) => [t.long, t.short, t.factor]);

describe('ALERT_TIERS', () => {
  it('is the SPEC 2 table with constant factors', () => {
    expect(ALERT_TIERS.map((t) => [t.tier, t.severity, t.budgetShare, t.long, t.short, t.factor])).toEqual([
      [1, 'page', 0.02, '1h', '5m', 14.4],
      [2, 'page', 0.05, '6h', '30m', 6],
      [3, 'ticket', 0.1, '1d', '2h', 3],
      [4, 'ticket', 0.1, '3d', '6h', 1],
    ]);
  });

  it('factor = budget share × 30 d ÷ table long window', () => {
    for (const t of ALERT_TIERS) {
      const long = { '1h': 60, '6h': 360, '1d': 1440, '3d': 4320 }[t.long as '1h'];
      expect(Math.round(((t.budgetShare * DAYS_30) / long) * 1e9) / 1e9).toBe(t.factor);
    }
  });
});

describe('scaled alert windows (SPEC 2)', () => {
  it('30 days is exactly the Workbook table', () => {
    expect(pairs(30)).toEqual([
      ['1h', '5m', 14.4],
      ['6h', '30m', 6],
      ['1d', '2h', 3],
      ['3d', '6h', 1],
    ]);
  });

  it('7 days pages on 14.4× over 14 min and 1 min', () => {
    expect(pairs(7)).toEqual([
      ['14m', '1m', 14.4],
      ['1h24m', '7m', 6],
      ['5h36m', '28m', 3],
      ['16h48m', '1h24m', 1],
    ]);
  });

  it('28 days rounds to whole minutes', () => {
    expect(pairs(28)).toEqual([
      ['56m', '5m', 14.4],
      ['5h36m', '28m', 6],
      ['22h24m', '1h52m', 3],
      ['2d19h12m', '5h36m', 1],
    ]);
  });

  it('90 days pages on 14.4× over 3 h and 15 min', () => {
    expect(pairs(90)).toEqual([
      ['3h', '15m', 14.4],
      ['18h', '1h30m', 6],
      ['3d', '6h', 3],
      ['9d', '18h', 1],
    ]);
  });

  it('calendar week, month and quarter scale as 7, 30 and 90 days', () => {
    expect(nominalWindowDays({ type: 'calendar', unit: 'week', timezone: 'UTC' })).toBe(7);
    expect(nominalWindowDays({ type: 'calendar', unit: 'month', timezone: 'Europe/Berlin' })).toBe(30);
    expect(nominalWindowDays({ type: 'calendar', unit: 'quarter', timezone: 'UTC' })).toBe(90);
    expect(nominalWindowDays({ type: 'rolling', days: 28 })).toBe(28);
    expect(pairs(nominalWindowDays({ type: 'calendar', unit: 'month', timezone: 'UTC' }))).toEqual(pairs(30));
    expect(pairs(nominalWindowDays({ type: 'calendar', unit: 'week', timezone: 'UTC' }))).toEqual(pairs(7));
    expect(pairs(nominalWindowDays({ type: 'calendar', unit: 'quarter', timezone: 'UTC' }))).toEqual(
      pairs(90),
    );
  });

  it('never goes below one minute', () => {
    expect(scaleWindowMinutes(5, 1)).toBe(1);
    expect(scaleWindowMinutes(5, 7)).toBe(1);
    expect(alertWindows(1)[0].shortMinutes).toBe(1);
  });

  it('lists each distinct window once', () => {
    expect(alertWindowMinutes(30)).toEqual([5, 30, 60, 120, 360, 1440, 4320]);
    expect(alertWindowMinutes(7)).toEqual([1, 7, 14, 28, 84, 336, 1008]);
  });

  it('formats durations as Prometheus does', () => {
    expect(formatWindow(1)).toBe('1m');
    expect(formatWindow(60)).toBe('1h');
    expect(formatWindow(1440)).toBe('1d');
    expect(formatWindow(4032)).toBe('2d19h12m');
  });
});

function burnsOf(days: number, byTable: Record<string, number | null>): Map<number, number | null> {
  const out = new Map<number, number | null>();
  for (const t of alertWindows(days)) {
    const table = ALERT_TIERS.find((x) => x.tier === t.tier);
    if (!table) continue;
    out.set(t.longMinutes, byTable[table.long] ?? 0);
    out.set(t.shortMinutes, byTable[table.short] ?? 0);
  }
  return out;
}

describe('evaluateAlerts', () => {
  const base = { windowDays: 30, windowMinutes: DAYS_30, minEvents: null };

  it('fires only when both windows burn strictly above the factor', () => {
    const longOnly = evaluateAlerts({ ...base, burns: burnsOf(30, { '1h': 20, '5m': 10 }), remaining: 0.9 });
    expect(longOnly[0].firing).toBe(false);
    expect(longOnly[0].longBurn).toBe(20);
    expect(longOnly[0].shortBurn).toBe(10);

    const both = evaluateAlerts({ ...base, burns: burnsOf(30, { '1h': 20, '5m': 15 }), remaining: 0.9 });
    expect(both.map((a) => a.firing)).toEqual([true, false, false, false]);
    expect(both[0].factor).toBe(14.4);
    expect(both[0].suppressed).toBe(false);
    // 0.9 × 43200 ÷ 20 = 1944 minutes at the 1h burn.
    expect(both[0].timeToExhaustionMinutes).toBeCloseTo(1944, 10);
    expect(alertState(both[0])).toBe('firing');
    expect(alertState(both[1])).toBe('resolved');
    expect(pagingBurn(both)).toBe(20);
  });

  it('a burn exactly at the factor does not fire', () => {
    const rows = evaluateAlerts({
      ...base,
      burns: burnsOf(30, { '1h': 14.4, '5m': 14.4, '3d': 1, '6h': 1 }),
      remaining: 0.5,
    });
    expect(rows[0].firing).toBe(false);
    expect(rows[3].firing).toBe(false);
    expect(pagingBurn(rows)).toBeNull();
  });

  it('a 7-day SLO burning at 0.23× raises nothing (it will meet its objective)', () => {
    const burns = new Map(alertWindowMinutes(7).map((m) => [m, 0.23]));
    const rows = evaluateAlerts({ ...base, windowDays: 7, windowMinutes: 7 * 1440, burns, remaining: 0.7 });
    expect(rows.some((a) => a.firing)).toBe(false);
  });

  it('a 7-day SLO reads the scaled windows', () => {
    const rows = evaluateAlerts({
      ...base,
      windowDays: 7,
      windowMinutes: 7 * 1440,
      burns: new Map([
        [14, 20],
        [1, 16],
        [60, 0],
        [5, 0],
      ]),
      remaining: 0.9,
    });
    expect(rows[0].firing).toBe(true);
    expect([rows[0].long, rows[0].short]).toEqual(['14m', '1m']);
  });

  it('a slow steady burn fires the ticket tiers only', () => {
    const burns = new Map(alertWindowMinutes(30).map((m) => [m, 4]));
    const rows = evaluateAlerts({ ...base, burns, remaining: 0.5 });
    expect(rows.map((a) => a.firing)).toEqual([false, false, true, true]);
  });

  it('missing data never fires', () => {
    const rows = evaluateAlerts({ ...base, burns: burnsOf(30, { '1h': null, '5m': 100 }), remaining: null });
    expect(rows[0].firing).toBe(false);
    expect(rows[0].timeToExhaustionMinutes).toBeNull();
  });

  it('is suppressed, not firing, when the long window saw fewer than minEvents events', () => {
    const args = { ...base, burns: burnsOf(30, { '1h': 50, '5m': 50 }), remaining: 0.4 };
    const low = evaluateAlerts({ ...args, minEvents: 100, events: new Map([[60, 12]]) });
    expect(low[0].firing).toBe(false);
    expect(low[0].suppressed).toBe(true);
    expect(alertState(low[0])).toBe('suppressed');

    const enough = evaluateAlerts({ ...args, minEvents: 100, events: new Map([[60, 100]]) });
    expect(enough[0].firing).toBe(true);
    expect(enough[0].suppressed).toBe(false);

    const noMinimum = evaluateAlerts({ ...args, minEvents: null, events: new Map([[60, 12]]) });
    expect(noMinimum[0].firing).toBe(true);
  });
});

describe('alert tier labels', () => {
  it('name each tier by what it does, never "T1" (a service tier reads "Tier 1")', () => {
    expect(ALERT_TIERS.map((t) => alertTierLabel(t.tier, t.severity))).toEqual([
      'Page (fast burn)',
      'Page (slow burn)',
      'Ticket (fast burn)',
      'Ticket (slow burn)',
    ]);
    expect(alertTierLabel(9, 'page')).toBe('Page (tier 9)');
  });
});
