import { describe, expect, it } from 'vitest';
import { parseDemandSamples, parseInstant } from './samples';

const now = Date.parse('2026-11-30T12:00:00Z');

describe('demand sample validation', () => {
  it('accepts RFC 3339 times with a zone, truncated to the second', () => {
    const parsed = parseDemandSamples(
      [
        { ts: '2026-11-01T10:05:00.750Z', value: 12.5 },
        { ts: '2026-11-01T12:05:00+02:00', value: 13 },
      ],
      now,
    );
    expect(parsed).toEqual({ ok: true, points: [{ ts: Date.parse('2026-11-01T10:05:00Z'), value: 13 }] });
  });

  it('names every bad index and field', () => {
    const parsed = parseDemandSamples(
      [
        { ts: '2026-02-30T00:00:00Z', value: 1 },
        { ts: '2026-11-01T00:00:00Z', value: -1 },
        { ts: '2026-11-01', value: Number.POSITIVE_INFINITY },
        null,
        { ts: '2027-01-01T00:00:00Z', value: 1e16 },
      ],
      now,
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.map((e) => `${e.index}.${e.field}`)).toEqual([
      '0.ts',
      '1.value',
      '2.ts',
      '2.value',
      '3.sample',
      '4.ts',
      '4.value',
    ]);
    expect(parsed.errors[0].message).toBe('is not a real calendar date and time');
  });

  it('reads a plain date only where allowed', () => {
    expect(parseInstant('2026-03-01', { dateOnly: true })).toBe(Date.parse('2026-03-01T00:00:00Z'));
    expect(typeof parseInstant('2026-03-01')).toBe('string');
    expect(parseInstant('2024-02-29', { dateOnly: true })).toBe(Date.parse('2024-02-29T00:00:00Z'));
    expect(typeof parseInstant('2025-02-29', { dateOnly: true })).toBe('string');
    expect(typeof parseInstant('2026-01-01T24:00:00Z')).toBe('string');
  });
});
