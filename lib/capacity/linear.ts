// Ordinary least squares on a daily series with the classic 95% prediction interval:
// ŷ ± t(0.975, n−2) · s · √(1 + 1/n + (x₀ − x̄)² / Sxx).
import { t95 } from './t-distribution';
import type { FittedModel, ForecastPoint } from './types';

export interface LineFit {
  intercept: number;
  slope: number;
  /** Residual standard error s = √(SSE / (n − 2)). */
  residualSd: number;
  n: number;
  meanX: number;
  sxx: number;
}

/** Least-squares line through (i, values[i]); needs at least 3 points. */
export function fitLine(values: readonly number[]): LineFit | null {
  const n = values.length;
  if (n < 3) return null;
  const meanX = (n - 1) / 2;
  let meanY = 0;
  for (const v of values) meanY += v / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (i - meanX) ** 2;
    sxy += (i - meanX) * (values[i] - meanY);
  }
  const slope = sxy / sxx;
  const intercept = meanY - slope * meanX;
  let sse = 0;
  for (let i = 0; i < n; i++) sse += (values[i] - intercept - slope * i) ** 2;
  return { intercept, slope, residualSd: Math.sqrt(sse / (n - 2)), n, meanX, sxx };
}

/** The line's forecast and prediction interval at x = n − 1 + day, in the fitted space. */
export function linePoints(fit: LineFit, horizon: number): ForecastPoint[] {
  const t = t95(fit.n - 2);
  const points: ForecastPoint[] = [];
  for (let day = 1; day <= horizon; day++) {
    const x = fit.n - 1 + day;
    const mean = fit.intercept + fit.slope * x;
    const half = t * fit.residualSd * Math.sqrt(1 + 1 / fit.n + (x - fit.meanX) ** 2 / fit.sxx);
    points.push({ day, mean, lower: mean - half, upper: mean + half });
  }
  return points;
}

export function fitLinear(values: readonly number[]): FittedModel | null {
  const fit = fitLine(values);
  if (!fit) return null;
  return {
    kind: 'linear',
    forecast: (horizon) => linePoints(fit, horizon),
    describe: `${fit.slope >= 0 ? '+' : ''}${formatNumber(fit.slope)} a day`,
  };
}

export function formatNumber(value: number): string {
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 1 ? 2 : 4;
  return value.toFixed(digits);
}
