import { describe, expect, it } from 'vitest';
import { spreadLabels } from './chart-layout';

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
