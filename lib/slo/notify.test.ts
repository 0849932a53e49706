import { describe, expect, it } from 'vitest';
import { postableAlert, retryDelayMs, VALID_FOR_MS } from './notify';

describe('notifications', () => {
  it('backs off 30 s, 1, 2, 4 … minutes, at most 15', () => {
    expect([0, 1, 2, 3, 4, 10].map(retryDelayMs)).toEqual([0, 30_000, 60_000, 120_000, 240_000, 900_000]);
  });

  it('keeps a firing alert valid for four re-send intervals and ends a resolved one now', () => {
    const now = new Date('2026-12-01T10:00:00Z');
    const base = {
      alertname: 'SLOErrorBudgetBurnPage',
      labels: { slo: 'checkout', severity: 'page' },
      annotations: { summary: 's' },
      startsAt: new Date('2026-12-01T09:50:00Z'),
      now,
      generatorURL: 'https://sre/slos/checkout',
    };
    const firing = postableAlert({ ...base, firing: true });
    expect(firing.labels).toEqual({ alertname: 'SLOErrorBudgetBurnPage', slo: 'checkout', severity: 'page' });
    expect(new Date(firing.endsAt).getTime() - now.getTime()).toBe(VALID_FOR_MS);
    expect(postableAlert({ ...base, firing: false }).endsAt).toBe(now.toISOString());
  });
});
