// Model choice by hold-out backtest (SPEC 1.5): each model is fitted on the first 80%
// of the history and scored on the last 20%; the lowest error is the default.
import { fitExponential } from './exponential';
import { fitHoltWinters } from './holt-winters';
import { fitLinear } from './linear';
import { type FittedModel, MODEL_KINDS, type ModelKind } from './types';

export const HOLDOUT_SHARE = 0.2;

export const FITTERS: Record<ModelKind, (values: readonly number[]) => FittedModel | null> = {
  linear: fitLinear,
  exponential: fitExponential,
  'holt-winters': fitHoltWinters,
};

export interface BacktestScore {
  kind: ModelKind;
  /** Mean absolute percentage error on the hold-out (fraction); null when an actual is 0. */
  mape: number | null;
  rmse: number;
}

export interface Backtest {
  holdoutDays: number;
  /** MAPE when every held-out value is positive, RMSE otherwise. */
  metric: 'mape' | 'rmse';
  scores: BacktestScore[];
  /** The model with the lowest error, or null when no model could be scored. */
  best: ModelKind | null;
}

export function holdoutLength(n: number): number {
  return Math.max(1, Math.round(n * HOLDOUT_SHARE));
}

export function backtest(values: readonly number[]): Backtest {
  const holdoutDays = holdoutLength(values.length);
  const train = values.slice(0, values.length - holdoutDays);
  const actual = values.slice(values.length - holdoutDays);
  const scores: BacktestScore[] = [];
  for (const kind of MODEL_KINDS) {
    const model = train.length >= 3 ? FITTERS[kind](train) : null;
    if (!model) continue;
    const predicted = model.forecast(holdoutDays).map((p) => p.mean);
    let sq = 0;
    let pct = 0;
    let zero = false;
    for (let i = 0; i < holdoutDays; i++) {
      const err = actual[i] - predicted[i];
      sq += err * err;
      if (actual[i] > 0) pct += Math.abs(err) / actual[i];
      else zero = true;
    }
    const rmse = Math.sqrt(sq / holdoutDays);
    if (!Number.isFinite(rmse)) continue;
    scores.push({ kind, rmse, mape: zero ? null : pct / holdoutDays });
  }
  const metric = scores.length > 0 && scores.every((s) => s.mape !== null) ? 'mape' : 'rmse';
  const errorOf = (s: BacktestScore) => (metric === 'mape' ? (s.mape as number) : s.rmse);
  let best: BacktestScore | null = null;
  for (const s of scores) if (!best || errorOf(s) < errorOf(best)) best = s;
  return { holdoutDays, metric, scores, best: best?.kind ?? null };
}
