import { describe, expect, it } from 'vitest';
import { creditFor, validateCreditTiers } from './credits';

// SPEC 1.7's example: below 99.9 % → 10 %, below 99 % → 25 %, below 95 % → 100 %.
const tiers = [
  { below: 0.99, creditPercent: 25 },
  { below: 0.999, creditPercent: 10 },
  { below: 0.95, creditPercent: 100 },
];

describe('creditFor', () => {
  it('owes nothing at or above the first threshold', () => {
    expect(creditFor(0.9995, tiers)).toBe(0);
    expect(creditFor(0.999, tiers)).toBe(0);
  });
  it('picks the deepest tier the attainment is strictly below', () => {
    expect(creditFor(0.9989999, tiers)).toBe(10);
    expect(creditFor(0.99, tiers)).toBe(10);
    expect(creditFor(0.9899, tiers)).toBe(25);
    expect(creditFor(0.95, tiers)).toBe(25);
    expect(creditFor(0.9499, tiers)).toBe(100);
    expect(creditFor(0, tiers)).toBe(100);
  });
  it('owes nothing when nothing was measured or no tiers exist', () => {
    expect(creditFor(null, tiers)).toBe(0);
    expect(creditFor(0.5, [])).toBe(0);
  });
});

describe('validateCreditTiers', () => {
  it('accepts the spec example in any order', () => {
    expect(validateCreditTiers(tiers, 0.999)).toEqual([]);
  });
  it('names the tier and field that is wrong', () => {
    expect(validateCreditTiers([{ below: 1.5, creditPercent: 10 }], 0.999)).toEqual([
      { index: 0, field: 'below', message: 'Enter a threshold between 0 % and 100 %' },
    ]);
    expect(validateCreditTiers([{ below: 0.99, creditPercent: 0 }], 0.999)[0].field).toBe('creditPercent');
    expect(validateCreditTiers([{ below: 0.9995, creditPercent: 5 }], 0.999)[0].message).toMatch(
      /above the SLA/,
    );
  });
  it('refuses a deeper tier that owes less, and duplicate thresholds', () => {
    const errors = validateCreditTiers(
      [
        { below: 0.999, creditPercent: 25 },
        { below: 0.99, creditPercent: 10 },
      ],
      0.999,
    );
    expect(errors).toEqual([
      { index: 1, field: 'creditPercent', message: 'A lower threshold must owe a larger credit' },
    ]);
    expect(
      validateCreditTiers(
        [
          { below: 0.99, creditPercent: 10 },
          { below: 0.99, creditPercent: 20 },
        ],
        0.999,
      )[0].message,
    ).toMatch(/same threshold/);
  });
});
