import { describe, expect, it } from 'vitest';
import { monotonePath, spreadLabels } from './chart-layout';

const minGap = (ys: number[]) => {
  const s = [...ys].sort((a, b) => a - b);
  return Math.min(...s.slice(1).map((y, i) => y - s[i]));
};

describe('spreadLabels', () => {
  it('leaves labels that are far apart where they are', () => {
    expect(spreadLabels([10, 100, 200], 12, 0, 240)).toEqual([10, 100, 200]);
  });

  it('moves crowded labels apart by at least the gap, in order', () => {
    // Factors 1× and 3× near the bottom of a 0–43× axis land a few pixels apart.
    const ys = spreadLabels([180, 190, 200, 198], 12, 0, 200);
    expect(minGap(ys)).toBeGreaterThanOrEqual(12 - 1e-9);
    expect(Math.max(...ys)).toBeLessThanOrEqual(200);
    expect(ys[0]).toBeLessThan(ys[1]);
  });

  it('keeps the labels inside the plot when it can', () => {
    const ys = spreadLabels([0, 0, 0, 0], 12, 0, 240);
    expect(ys).toEqual([0, 12, 24, 36]);
  });
});

describe('monotonePath', () => {
  const coords = (d: string) => (d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);

  it('draws nothing for no points and straight segments for one or two', () => {
    expect(monotonePath([])).toBe('');
    expect(monotonePath([[0, 5]])).toBe('M0,5');
    expect(
      monotonePath([
        [0, 5],
        [10, 1],
      ]),
    ).toBe('M0,5L10,1');
  });

  it('passes through every point with one cubic per segment', () => {
    const d = monotonePath([
      [0, 10],
      [10, 0],
      [20, 5],
      [30, 5],
    ]);
    expect(d.startsWith('M0,10C')).toBe(true);
    expect(d.match(/C/g)).toHaveLength(3);
    expect(d.endsWith(',30,5')).toBe(true);
    expect(d).toContain(',10,0C');
  });

  it('never overshoots: control points stay within the data range', () => {
    const ys = coords(
      monotonePath([
        [0, 10],
        [10, 0],
        [20, 0],
        [30, 10],
        [40, 9],
      ]),
    ).filter((_, i) => i % 2 === 1);
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...ys)).toBeLessThanOrEqual(10);
  });

  it('keeps a flat run flat', () => {
    const ys = coords(
      monotonePath([
        [0, 4],
        [5, 4],
        [10, 4],
      ]),
    ).filter((_, i) => i % 2 === 1);
    expect(new Set(ys)).toEqual(new Set([4]));
  });
});
