import { describe, expect, it } from 'vitest';
import { mergeIntervals, overlapMinutes } from './corrections';

const d = (hhmm: string) => new Date(`2024-05-01T${hhmm}:00Z`);
const range = (start: string, end: string) => ({ start: d(start), end: d(end) });

describe('mergeIntervals', () => {
  it('merges overlapping and touching ranges and drops empty ones', () => {
    const merged = mergeIntervals([
      range('10:30', '11:00'),
      range('10:00', '10:45'),
      range('11:00', '11:15'),
      range('12:00', '12:00'),
      range('14:00', '13:00'),
      range('15:00', '15:10'),
    ]);
    expect(merged).toEqual([range('10:00', '11:15'), range('15:00', '15:10')]);
  });
});

describe('overlapMinutes', () => {
  it('clips to the window and counts overlaps once', () => {
    const window = [d('10:00'), d('12:00')] as const;
    expect(overlapMinutes([range('09:00', '10:30')], ...window)).toBe(30);
    expect(overlapMinutes([range('10:10', '10:40'), range('10:30', '11:00')], ...window)).toBe(50);
    expect(overlapMinutes([range('11:50', '13:00'), range('08:00', '09:00')], ...window)).toBe(10);
    expect(overlapMinutes([], ...window)).toBe(0);
  });

  it('counts the sample minutes a correction removes', () => {
    // 10:00:30–10:05:00 removes the samples of 10:01 … 10:04.
    const partial = { start: new Date('2024-05-01T10:00:30Z'), end: new Date('2024-05-01T10:05:00Z') };
    expect(overlapMinutes([partial], d('09:00'), d('11:00'))).toBe(4);
  });

  it('a correction covering the whole window removes all of it', () => {
    const start = new Date('2024-05-01T10:00:20Z');
    const end = new Date(start.getTime() + 30 * 86_400_000);
    expect(overlapMinutes([{ start: d('00:00'), end: new Date('2024-07-01T00:00:00Z') }], start, end)).toBe(
      43200,
    );
  });
});
