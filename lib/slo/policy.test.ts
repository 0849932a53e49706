import { describe, expect, it } from 'vitest';
import {
  CHANGE_KINDS,
  type ChangeKind,
  DEFAULT_POLICY,
  gateDecision,
  parsePolicy,
  type SloStatus,
  statusFor,
  validatePolicy,
} from './policy';

describe('statusFor', () => {
  it('places the boundaries exactly at 50%, 25% and 5%', () => {
    expect(statusFor(1)).toBe('healthy');
    expect(statusFor(0.5000001)).toBe('healthy');
    expect(statusFor(0.5)).toBe('warning');
    expect(statusFor(0.2500001)).toBe('warning');
    expect(statusFor(0.25)).toBe('critical');
    expect(statusFor(0.0500001)).toBe('critical');
    expect(statusFor(0.05)).toBe('depleted');
    expect(statusFor(0)).toBe('depleted');
    expect(statusFor(-1.5)).toBe('depleted');
  });

  it('is unknown without data', () => {
    expect(statusFor(null)).toBe('unknown');
    expect(statusFor(Number.NaN)).toBe('unknown');
  });

  it('follows edited thresholds', () => {
    const policy = { ...DEFAULT_POLICY, thresholds: { warning: 0.8, critical: 0.4, depleted: 0.1 } };
    expect(statusFor(0.6, policy)).toBe('warning');
    expect(statusFor(0.4, policy)).toBe('critical');
  });
});

describe('gateDecision', () => {
  const matrix: Record<SloStatus, Record<ChangeKind, boolean>> = {
    healthy: { feature: true, fix: true, emergency: true },
    warning: { feature: false, fix: true, emergency: true },
    critical: { feature: false, fix: true, emergency: true },
    depleted: { feature: false, fix: false, emergency: true },
    unknown: { feature: false, fix: true, emergency: true },
  };

  for (const status of Object.keys(matrix) as SloStatus[]) {
    for (const change of CHANGE_KINDS) {
      it(`${status} × ${change} → ${matrix[status][change] ? 'allowed' : 'refused'}`, () => {
        const decision = gateDecision(status, change, DEFAULT_POLICY);
        expect(decision.allowed).toBe(matrix[status][change]);
        expect(decision.reason.length).toBeGreaterThan(10);
      });
    }
  }

  it('gives a human reason with the budget left', () => {
    expect(gateDecision('depleted', 'fix', DEFAULT_POLICY, 0.031).reason).toBe(
      'Error budget is Depleted (3.1% left): only emergency changes may ship',
    );
    expect(gateDecision('warning', 'feature', DEFAULT_POLICY, 0.4).reason).toBe(
      'Error budget is Warning (40.0% left): only fix and emergency changes may ship',
    );
    expect(gateDecision('healthy', 'feature', DEFAULT_POLICY, 0.9).reason).toBe(
      'Error budget is Healthy (90.0% left): feature changes may ship',
    );
    expect(gateDecision('depleted', 'feature', DEFAULT_POLICY, -0.25).reason).toBe(
      'Error budget is Depleted (overspent by 25.0%): only emergency changes may ship',
    );
  });

  it('says there is no data when the status is unknown', () => {
    expect(gateDecision('unknown', 'feature').reason).toMatch(/no SLI data/i);
    expect(gateDecision('unknown', 'fix').reason).toMatch(/no SLI data/i);
  });

  describe('fast-burn freeze', () => {
    const paging = { tier: 1, burn: 30 };
    for (const status of Object.keys(matrix) as SloStatus[]) {
      for (const change of CHANGE_KINDS) {
        const expected = change === 'feature' ? false : matrix[status][change];
        it(`${status} × ${change} while a page fires → ${expected ? 'allowed' : 'refused'}`, () => {
          const d = gateDecision(status, change, DEFAULT_POLICY, 0.9, paging);
          expect(d.allowed).toBe(expected);
          if (change === 'feature') expect(d.reason).toMatch(/^Fast burn: a page alert is firing/);
        });
      }
    }

    it('says which tier and how fast', () => {
      expect(gateDecision('healthy', 'feature', DEFAULT_POLICY, 0.99, paging).reason).toContain(
        'tier 1, burning 30×',
      );
    });

    it('can be switched off by an admin', () => {
      const off = { ...DEFAULT_POLICY, fastBurnFreeze: false };
      expect(gateDecision('healthy', 'feature', off, 0.9, paging).allowed).toBe(true);
    });

    it('is on by default, also for a stored policy from before the setting', () => {
      const { fastBurnFreeze: _, ...old } = DEFAULT_POLICY;
      const parsed = parsePolicy(JSON.parse(JSON.stringify(old)));
      expect(parsed.ok && parsed.policy.fastBurnFreeze).toBe(true);
      expect(validatePolicy({ ...DEFAULT_POLICY, fastBurnFreeze: 'yes' }).map((e) => e.field)).toEqual([
        'fastBurnFreeze',
      ]);
    });
  });

  it('follows an edited gate matrix', () => {
    const strict = { ...DEFAULT_POLICY, gate: { ...DEFAULT_POLICY.gate, depleted: [] } };
    const d = gateDecision('depleted', 'emergency', strict, 0);
    expect(d.allowed).toBe(false);
    expect(d.reason).toBe('Error budget is Depleted (0.0% left): no changes may ship');
  });
});

describe('validatePolicy', () => {
  it('accepts the default policy', () => {
    expect(validatePolicy(DEFAULT_POLICY)).toEqual([]);
    const parsed = parsePolicy(JSON.parse(JSON.stringify(DEFAULT_POLICY)));
    expect(parsed).toEqual({ ok: true, policy: DEFAULT_POLICY });
  });

  it('requires thresholds strictly descending in (0, 1]', () => {
    const fields = (thresholds: unknown) =>
      validatePolicy({ ...DEFAULT_POLICY, thresholds }).map((e) => e.field);
    expect(fields({ warning: 1, critical: 0.5, depleted: 0.01 })).toEqual([]);
    expect(fields({ warning: 0.5, critical: 0.5, depleted: 0.05 })).toEqual(['thresholds.critical']);
    expect(fields({ warning: 0.5, critical: 0.25, depleted: 0.3 })).toEqual(['thresholds.depleted']);
    expect(fields({ warning: 1.2, critical: 0.25, depleted: 0 })).toEqual([
      'thresholds.warning',
      'thresholds.depleted',
    ]);
    expect(fields({ warning: '0.5', critical: 0.25, depleted: 0.05 })).toEqual(['thresholds.warning']);
    expect(fields(null)).toEqual(['thresholds']);
  });

  it('checks the gate lists', () => {
    const bad = { ...DEFAULT_POLICY, gate: { ...DEFAULT_POLICY.gate, warning: ['hotfix'], critical: 'fix' } };
    expect(validatePolicy(bad).map((e) => e.field)).toEqual(['gate.warning', 'gate.critical']);
    expect(validatePolicy('nope')).toEqual([{ field: 'policy', message: 'must be an object' }]);
    const parsed = parsePolicy(bad);
    expect(parsed.ok).toBe(false);
  });
});
