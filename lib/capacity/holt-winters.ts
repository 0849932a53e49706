// Additive Holt-Winters with a weekly season (m = 7 daily points). α, β, γ minimise the
// sum of squared one-step errors: a coarse grid, then a coordinate search that halves its
// step. The prediction interval uses the residual variance grown with the horizon as for
// ETS(A,A,A) (Hyndman et al., Forecasting with Exponential Smoothing, 2008, table 6.1):
// v_h = σ² · (1 + Σ_{j<h} c_j²), c_j = α(1 + jβ) + γ(1 − α)·[j mod m = 0].
import { formatNumber } from './linear';
import { t95 } from './t-distribution';
import type { FittedModel, ForecastPoint } from './types';

export const SEASON_DAYS = 7;

export interface HoltWintersParams {
  alpha: number;
  beta: number;
  gamma: number;
}

export interface HoltWintersState extends HoltWintersParams {
  level: number;
  trend: number;
  /** Seasonal terms indexed by (day index mod m). */
  season: number[];
  n: number;
  sse: number;
  /** Number of one-step errors in `sse`. */
  steps: number;
}

/** Runs the recursions over `values` and returns the final state and the one-step SSE. */
export function runHoltWinters(
  values: readonly number[],
  { alpha, beta, gamma }: HoltWintersParams,
  m = SEASON_DAYS,
): HoltWintersState {
  const n = values.length;
  let first = 0;
  let second = 0;
  for (let i = 0; i < m; i++) {
    first += values[i] / m;
    second += values[i + m] / m;
  }
  // Start from the first season: a straight line through the two season means, and each
  // day's deviation from it, so a series that is exactly line + season has zero error.
  let trend = (second - first) / m;
  let level = first + (trend * (m - 1)) / 2;
  const season = Array.from({ length: m }, (_, i) => values[i] - (first + trend * (i - (m - 1) / 2)));
  let sse = 0;
  for (let t = m; t < n; t++) {
    const s = season[t % m];
    const error = values[t] - (level + trend + s);
    sse += error * error;
    const nextLevel = alpha * (values[t] - s) + (1 - alpha) * (level + trend);
    trend = beta * (nextLevel - level) + (1 - beta) * trend;
    season[t % m] = gamma * (values[t] - nextLevel) + (1 - gamma) * s;
    level = nextLevel;
  }
  return { alpha, beta, gamma, level, trend, season, n, sse, steps: n - m };
}

const GRID_ALPHA = [0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9];
const GRID_OTHER = [0, 0.02, 0.05, 0.1, 0.2, 0.4, 0.7];
const MIN_ALPHA = 0.01;

/** The parameters with the least one-step SSE. */
export function optimiseHoltWinters(values: readonly number[], m = SEASON_DAYS): HoltWintersState {
  let best: HoltWintersState | null = null;
  for (const alpha of GRID_ALPHA)
    for (const beta of GRID_OTHER)
      for (const gamma of GRID_OTHER) {
        const state = runHoltWinters(values, { alpha, beta, gamma }, m);
        if (!best || state.sse < best.sse) best = state;
      }
  let current = best as HoltWintersState;
  for (let step = 0.05; step >= 0.001; step /= 2) {
    let improved = true;
    while (improved) {
      improved = false;
      for (const key of ['alpha', 'beta', 'gamma'] as const) {
        for (const dir of [-1, 1]) {
          const min = key === 'alpha' ? MIN_ALPHA : 0;
          const value = Math.min(1, Math.max(min, current[key] + dir * step));
          if (value === current[key]) continue;
          const trial = runHoltWinters(values, { ...current, [key]: value }, m);
          if (trial.sse < current.sse - 1e-12) {
            current = trial;
            improved = true;
          }
        }
      }
    }
  }
  return current;
}

export function holtWintersPoints(
  state: HoltWintersState,
  horizon: number,
  m = SEASON_DAYS,
): ForecastPoint[] {
  const sigma2 = state.sse / state.steps;
  const t = t95(Math.max(1, state.steps - 3));
  const points: ForecastPoint[] = [];
  let sumC2 = 0;
  for (let day = 1; day <= horizon; day++) {
    if (day > 1) {
      const j = day - 1;
      const c = state.alpha * (1 + j * state.beta) + (j % m === 0 ? state.gamma * (1 - state.alpha) : 0);
      sumC2 += c * c;
    }
    const mean = state.level + day * state.trend + state.season[(state.n - 1 + day) % m];
    const half = t * Math.sqrt(sigma2 * (1 + sumC2));
    points.push({ day, mean, lower: mean - half, upper: mean + half });
  }
  return points;
}

/** Needs three full weeks: two to start from and at least one to learn from. */
export function fitHoltWinters(values: readonly number[]): FittedModel | null {
  if (values.length < 3 * SEASON_DAYS) return null;
  const state = optimiseHoltWinters(values);
  return {
    kind: 'holt-winters',
    forecast: (horizon) => holtWintersPoints(state, horizon),
    describe: `α ${state.alpha.toFixed(2)}, β ${state.beta.toFixed(2)}, γ ${state.gamma.toFixed(2)}; ${state.trend >= 0 ? '+' : ''}${formatNumber(state.trend)} a day`,
  };
}
