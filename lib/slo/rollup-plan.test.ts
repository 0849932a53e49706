import { describe, expect, it } from 'vitest';
import { type PlanTerm, visitRange } from './rollup-plan';

/** The terms of Σ [start, end) as a list, as visitRange hands them out. */
function planRange(start: Date, end: Date, sign: 1 | -1 = 1): PlanTerm[] {
  const terms: PlanTerm[] = [];
  visitRange(start.getTime(), end.getTime(), sign, {
    days: (from, to, s) => terms.push({ kind: 'days', sign: s, from, to }),
    prefix: (at, s) => terms.push({ kind: 'prefix', sign: s, at }),
  });
  return terms;
}

const t = (s: string) => new Date(`${s}Z`);
const ms = (s: string) => t(s).getTime();
const MIN = 60_000;

/** Evaluates a plan against a per-minute function: the oracle is the plain sum over [a, b). */
function evaluate(terms: PlanTerm[], value: (minute: number) => number): number {
  const dayTotal = (d: number) => {
    let s = 0;
    for (let m = d; m < d + 1440 * MIN; m += MIN) s += value(m);
    return s;
  };
  const prefix = (x: number) => {
    let s = 0;
    for (let m = Math.floor(x / 86_400_000) * 86_400_000; m < x; m += MIN) s += value(m);
    return s;
  };
  let sum = 0;
  for (const term of terms) {
    if (term.kind === 'prefix') sum += term.sign * prefix(term.at);
    else for (let d = term.from; d < term.to; d += 86_400_000) sum += term.sign * dayTotal(d);
  }
  return sum;
}

describe('planRange', () => {
  const value = (m: number) => ((m / MIN) % 7) + 1;
  const direct = (a: number, b: number) => {
    let s = 0;
    for (let m = a; m < b; m += MIN) s += value(m);
    return s;
  };

  it('reads a 30-day window ending mid-hour as whole days plus two prefix lookups', () => {
    const terms = planRange(t('2026-10-02T10:17:00'), t('2026-11-01T10:17:00'));
    expect(terms).toEqual([
      { kind: 'days', sign: 1, from: ms('2026-10-02T00:00:00'), to: ms('2026-11-01T00:00:00') },
      { kind: 'prefix', sign: -1, at: ms('2026-10-02T10:17:00') },
      { kind: 'prefix', sign: 1, at: ms('2026-11-01T10:17:00') },
    ]);
    expect(evaluate(terms, value)).toBe(direct(ms('2026-10-02T10:17:00'), ms('2026-11-01T10:17:00')));
  });

  it('sums exactly for ranges inside one day, across midnight and on day boundaries', () => {
    const cases: [string, string][] = [
      ['2026-01-01T10:05:00', '2026-01-01T10:35:00'],
      ['2026-01-01T23:59:00', '2026-01-05T00:01:00'],
      ['2026-01-01T00:00:00', '2026-01-03T00:00:00'],
      ['2026-01-01T00:00:00', '2026-01-01T06:00:00'],
      ['2026-01-01T18:00:00', '2026-01-02T00:00:00'],
    ];
    for (const [a, b] of cases) expect(evaluate(planRange(t(a), t(b)), value)).toBe(direct(ms(a), ms(b)));
  });

  it('needs no lookup at midnight and negates every term for a subtracted range', () => {
    expect(planRange(t('2026-01-01T00:00:00'), t('2026-01-03T00:00:00'))).toEqual([
      { kind: 'days', sign: 1, from: ms('2026-01-01T00:00:00'), to: ms('2026-01-03T00:00:00') },
    ]);
    expect(planRange(t('2026-01-01T10:05:00'), t('2026-01-01T10:35:00'), -1)).toEqual([
      { kind: 'prefix', sign: 1, at: ms('2026-01-01T10:05:00') },
      { kind: 'prefix', sign: -1, at: ms('2026-01-01T10:35:00') },
    ]);
  });

  it('is empty for an empty or inverted range', () => {
    expect(planRange(t('2026-01-01T10:00:00'), t('2026-01-01T10:00:00'))).toEqual([]);
    expect(planRange(t('2026-01-02T10:00:00'), t('2026-01-01T10:00:00'))).toEqual([]);
  });
});
