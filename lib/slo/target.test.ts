import { describe, expect, it } from 'vitest';
import { fractionToPercentText, parseTargetPercent, shiftDecimal, targetFractionProblem } from './target';

describe('parseTargetPercent', () => {
  it('turns 99.9 into exactly 0.999', () => {
    expect(99.9 / 100).not.toBe(0.999); // why the decimal point is shifted, not divided
    expect(parseTargetPercent('99.9')).toEqual({ ok: true, fraction: 0.999 });
    expect(parseTargetPercent('99.95 %')).toEqual({ ok: true, fraction: 0.9995 });
    expect(parseTargetPercent('99,5')).toEqual({ ok: true, fraction: 0.995 });
    expect(parseTargetPercent('95')).toEqual({ ok: true, fraction: 0.95 });
    expect(String(parseTargetPercent('99.99').ok && 0.9999)).toBe('0.9999');
  });

  it('refuses a value below 1 with "did you mean 99.9 %?"', () => {
    const r = parseTargetPercent('0.999');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain('did you mean 99.9 %?');
    expect(!r.ok && (parseTargetPercent('0.95') as { message: string }).message).toContain(
      'did you mean 95 %?',
    );
  });

  it('asks for a confirmation below 50 %', () => {
    const r = parseTargetPercent('40');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.needsConfirmation).toBe(true);
    expect(parseTargetPercent('40', true)).toEqual({ ok: true, fraction: 0.4 });
    expect(parseTargetPercent('50')).toEqual({ ok: true, fraction: 0.5 });
  });

  it('refuses 100 %, 0, text and unrepresentable budgets', () => {
    expect(parseTargetPercent('100').ok).toBe(false);
    expect(parseTargetPercent('0').ok).toBe(false);
    expect(parseTargetPercent('abc').ok).toBe(false);
    expect(parseTargetPercent('').ok).toBe(false);
    const tiny = parseTargetPercent('99.99999999999');
    expect(!tiny.ok && tiny.message).toMatch(/too small to count/);
  });
});

describe('targetFractionProblem', () => {
  it('accepts ordinary fractions and refuses a budget that cannot be represented', () => {
    expect(targetFractionProblem(0.999)).toBeNull();
    expect(targetFractionProblem(0.99999)).toBeNull();
    expect(targetFractionProblem(0.9999999999999)).toMatch(/too small to count over the window/);
    expect(targetFractionProblem(1)).toMatch(/Below 100/);
  });
});

describe('decimal shifting', () => {
  it('round-trips stored fractions to the form', () => {
    expect(shiftDecimal('99.9', -2)).toBe('0.999');
    expect(shiftDecimal('0.5', 2)).toBe('50');
    expect(shiftDecimal('100', -2)).toBe('1');
    expect(fractionToPercentText(0.999)).toBe('99.9');
    expect(fractionToPercentText(0.9995)).toBe('99.95');
    expect(fractionToPercentText(0.95)).toBe('95');
  });
});
