// Shared shapes of the capacity forecasts (SPEC 1.5).

export const MODEL_KINDS = ['linear', 'exponential', 'holt-winters'] as const;
export type ModelKind = (typeof MODEL_KINDS)[number];

export const MODEL_LABELS: Record<ModelKind, string> = {
  linear: 'Linear',
  exponential: 'Exponential',
  'holt-winters': 'Holt-Winters (weekly)',
};

/** One forecast day: `day` counts from the last observed day (1 = the day after). */
export interface ForecastPoint {
  day: number;
  mean: number;
  /** Bounds of the 95% prediction interval. */
  lower: number;
  upper: number;
}

/** A model fitted to a daily series: forecasts any number of days ahead. */
export interface FittedModel {
  kind: ModelKind;
  /** Points 1..horizon days after the last observation. */
  forecast(horizon: number): ForecastPoint[];
  /** One-line description of the fitted parameters, for the comparison table. */
  describe: string;
}
