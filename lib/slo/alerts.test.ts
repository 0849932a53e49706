import { describe, expect, it } from 'vitest';
import { ALERT_TIERS, alertFactor, evaluateAlerts } from './alerts';
import type { Lookback } from './burn';

const DAYS_30 = 30 * 1440;
const quiet = (): Record<Lookback, number | null> => ({
  '5m': 0,
  '30m': 0,
  '1h': 0,
  '2h': 0,
  '6h': 0,
  '1d': 0,
  '3d': 0,
});

describe('ALERT_TIERS', () => {
  it('is the SPEC 2 table', () => {
    expect(ALERT_TIERS.map((t) => [t.tier, t.severity, t.budgetShare, t.long, t.short])).toEqual([
      [1, 'page', 0.02, '1h', '5m'],
      [2, 'page', 0.05, '6h', '30m'],
      [3, 'ticket', 0.1, '1d', '2h'],
      [4, 'ticket', 0.1, '3d', '6h'],
    ]);
  });
});

describe('alertFactor', () => {
  it('is 14.4 / 6 / 3 / 1 at 30 days', () => {
    expect(ALERT_TIERS.map((t) => alertFactor(t, DAYS_30))).toEqual([14.4, 6, 3, 1]);
  });

  it('is 13.44 / 5.6 / 2.8 / 0.9333 at 28 days', () => {
    const [t1, t2, t3, t4] = ALERT_TIERS.map((t) => alertFactor(t, 28 * 1440));
    expect(t1).toBe(13.44);
    expect(t2).toBe(5.6);
    expect(t3).toBe(2.8);
    expect(t4).toBeCloseTo(0.9333, 4);
  });
});

describe('evaluateAlerts', () => {
  it('fires only when both windows burn strictly above the factor', () => {
    const longOnly = evaluateAlerts({
      windowMinutes: DAYS_30,
      burnRates: { ...quiet(), '1h': 20, '5m': 10 },
      minEvents: null,
      remaining: 0.9,
    });
    expect(longOnly[0].firing).toBe(false);
    expect(longOnly[0].longBurn).toBe(20);
    expect(longOnly[0].shortBurn).toBe(10);

    const both = evaluateAlerts({
      windowMinutes: DAYS_30,
      burnRates: { ...quiet(), '1h': 20, '5m': 15 },
      minEvents: null,
      remaining: 0.9,
    });
    expect(both.map((a) => a.firing)).toEqual([true, false, false, false]);
    expect(both[0].factor).toBe(14.4);
    expect(both[0].suppressed).toBe(false);
    // 0.9 × 43200 ÷ 20 = 1944 minutes at the 1h burn.
    expect(both[0].timeToExhaustionMinutes).toBeCloseTo(1944, 10);

    const shortOnly = evaluateAlerts({
      windowMinutes: DAYS_30,
      burnRates: { ...quiet(), '1h': 10, '5m': 30 },
      minEvents: null,
      remaining: 0.9,
    });
    expect(shortOnly[0].firing).toBe(false);
  });

  it('a burn exactly at the factor does not fire', () => {
    const rows = evaluateAlerts({
      windowMinutes: DAYS_30,
      burnRates: { ...quiet(), '1h': 14.4, '5m': 14.4, '3d': 1, '6h': 1 },
      minEvents: null,
      remaining: 0.5,
    });
    expect(rows[0].firing).toBe(false);
    expect(rows[3].firing).toBe(false);
  });

  it('a slow steady burn fires the ticket tiers only', () => {
    const rows = evaluateAlerts({
      windowMinutes: DAYS_30,
      burnRates: { '5m': 4, '30m': 4, '1h': 4, '2h': 4, '6h': 4, '1d': 4, '3d': 4 },
      minEvents: null,
      remaining: 0.5,
    });
    expect(rows.map((a) => a.firing)).toEqual([false, false, true, true]);
  });

  it('missing data never fires', () => {
    const rows = evaluateAlerts({
      windowMinutes: DAYS_30,
      burnRates: { ...quiet(), '1h': null, '5m': 100 },
      minEvents: null,
      remaining: null,
    });
    expect(rows[0].firing).toBe(false);
    expect(rows[0].timeToExhaustionMinutes).toBeNull();
  });

  it('is suppressed, not firing, when the long window saw fewer than minEvents events', () => {
    const args = {
      windowMinutes: DAYS_30,
      burnRates: { ...quiet(), '1h': 50, '5m': 50 },
      remaining: 0.4,
    };
    const low = evaluateAlerts({ ...args, minEvents: 100, longWindowEvents: { '1h': 12 } });
    expect(low[0].firing).toBe(false);
    expect(low[0].suppressed).toBe(true);

    const enough = evaluateAlerts({ ...args, minEvents: 100, longWindowEvents: { '1h': 100 } });
    expect(enough[0].firing).toBe(true);
    expect(enough[0].suppressed).toBe(false);

    const noMinimum = evaluateAlerts({ ...args, minEvents: null, longWindowEvents: { '1h': 12 } });
    expect(noMinimum[0].firing).toBe(true);
  });
});
