import { describe, expect, it } from 'vitest';
import { backtest } from './backtest';
import { fitExponential } from './exponential';
import { fitHoltWinters, runHoltWinters } from './holt-winters';
import { fitLine, fitLinear } from './linear';
import type { FittedModel } from './types';

/** Deterministic noise in [−1, 1). */
function noise(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 31 - 1;
  };
}

const SEASON = [10, -5, 3, 0, -8, 6, -6];
const seasonal = (n: number, jitter = 0, seed = 1) => {
  const r = noise(seed);
  return Array.from({ length: n }, (_, t) => 100 + 0.5 * t + SEASON[t % 7] + jitter * r());
};

function widths(model: FittedModel, horizon: number) {
  return model.forecast(horizon).map((p) => p.upper - p.lower);
}

describe('linear least squares', () => {
  it('recovers a straight line exactly, with a zero-width interval', () => {
    const model = fitLinear([1, 3, 5, 7, 9]) as FittedModel;
    const [p1, p2] = model.forecast(2);
    expect(p1).toEqual({ day: 1, mean: 11, lower: 11, upper: 11 });
    expect(p2.mean).toBe(13);
  });

  it('matches a hand-computed 95% prediction interval', () => {
    // x̄ = 2, Sxx = 10, slope 0.6, intercept 2.8, SSE 2.4, s = √0.8; at x₀ = 5:
    // 5.8 ± t(0.975, 3) · √0.8 · √(1 + 1/5 + 9/10) = 5.8 ± 3.18245 · 0.894427 · 1.449138 = 5.8 ± 4.12493
    const fit = fitLine([2, 4, 5, 4, 5]);
    expect(fit?.slope).toBeCloseTo(0.6, 12);
    expect(fit?.intercept).toBeCloseTo(2.8, 12);
    const [p] = (fitLinear([2, 4, 5, 4, 5]) as FittedModel).forecast(1);
    expect(p.mean).toBeCloseTo(5.8, 10);
    expect(p.lower).toBeCloseTo(5.8 - 4.12493, 4);
    expect(p.upper).toBeCloseTo(5.8 + 4.12493, 4);
  });

  it('needs three points', () => {
    expect(fitLinear([1, 2])).toBeNull();
  });
});

describe('exponential (log-linear)', () => {
  it('recovers exact exponential growth', () => {
    const model = fitExponential([10, 20, 40, 80, 160]) as FittedModel;
    const [p1, p2] = model.forecast(2);
    expect(p1.mean).toBeCloseTo(320, 8);
    expect(p2.mean).toBeCloseTo(640, 8);
    expect(model.describe).toMatch(/% a month/);
  });

  it('has an asymmetric interval that never goes below zero', () => {
    const r = noise(3);
    const values = Array.from({ length: 60 }, (_, i) => 50 * Math.exp(0.01 * i) * (1 + 0.05 * r()));
    const [p] = (fitExponential(values) as FittedModel).forecast(30).slice(-1);
    expect(p.lower).toBeGreaterThan(0);
    expect(p.upper - p.mean).toBeGreaterThan(p.mean - p.lower);
  });

  it('does not apply to a series with zeros', () => {
    expect(fitExponential([0, 1, 2, 3])).toBeNull();
  });
});

describe('Holt-Winters additive, weekly', () => {
  it('recovers a noiseless trend + weekly season exactly', () => {
    const values = seasonal(84);
    const state = runHoltWinters(values, { alpha: 0.3, beta: 0.1, gamma: 0.2 });
    expect(state.sse).toBeCloseTo(0, 15);
    const points = (fitHoltWinters(values) as FittedModel).forecast(14);
    for (const p of points)
      expect(p.mean).toBeCloseTo(100 + 0.5 * (83 + p.day) + SEASON[(83 + p.day) % 7], 8);
  });

  it('recovers a noisy seasonal series within tolerance', () => {
    const values = seasonal(126, 4);
    const points = (fitHoltWinters(values) as FittedModel).forecast(21);
    for (const p of points) {
      const truth = 100 + 0.5 * (125 + p.day) + SEASON[(125 + p.day) % 7];
      expect(Math.abs(p.mean - truth)).toBeLessThan(4);
      expect(p.lower).toBeLessThan(truth);
      expect(p.upper).toBeGreaterThan(truth);
    }
  });

  it('needs three weeks of history', () => {
    expect(fitHoltWinters(seasonal(20))).toBeNull();
    expect(fitHoltWinters(seasonal(21))).not.toBeNull();
  });
});

describe('prediction intervals', () => {
  it('grow with the horizon for every model', () => {
    const values = seasonal(90, 5, 7).map((v) => Math.max(1, v));
    for (const model of [fitLinear(values), fitExponential(values), fitHoltWinters(values)]) {
      const w = widths(model as FittedModel, 90);
      for (let i = 1; i < w.length; i++) expect(w[i]).toBeGreaterThanOrEqual(w[i - 1] - 1e-9);
      expect(w[89]).toBeGreaterThan(w[0]);
    }
  });
});

describe('backtest', () => {
  it('picks linear on linear data', () => {
    const r = noise(11);
    const values = Array.from({ length: 150 }, (_, i) => 20 + 3 * i + 4 * r());
    const bt = backtest(values);
    expect(bt.holdoutDays).toBe(30);
    expect(bt.metric).toBe('mape');
    expect(bt.best).toBe('linear');
  });

  it('picks exponential on exponential data', () => {
    const r = noise(12);
    const values = Array.from({ length: 150 }, (_, i) => 40 * Math.exp(0.02 * i) * (1 + 0.02 * r()));
    expect(backtest(values).best).toBe('exponential');
  });

  it('picks Holt-Winters on weekly seasonal data', () => {
    expect(backtest(seasonal(150, 2, 13)).best).toBe('holt-winters');
  });

  it('scores by RMSE when a held-out value is zero', () => {
    const values = [5, 4, 3, 2, 1, 0, 1, 0, 1, 0];
    const bt = backtest(values);
    expect(bt.metric).toBe('rmse');
    expect(bt.scores.every((s) => s.rmse >= 0)).toBe(true);
  });
});
