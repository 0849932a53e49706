// Exponential growth y = a·e^(bx), fitted as a line through ln y; the 95% prediction
// interval of the log-line maps back through exp (so it is asymmetric, and never negative).
import { fitLine, formatNumber, linePoints } from './linear';
import type { FittedModel } from './types';

/** Needs at least 3 points, all strictly positive (the log of 0 is undefined). */
export function fitExponential(values: readonly number[]): FittedModel | null {
  if (values.some((v) => !(v > 0))) return null;
  const fit = fitLine(values.map(Math.log));
  if (!fit) return null;
  const perMonth = Math.exp(fit.slope * 30) - 1;
  return {
    kind: 'exponential',
    forecast: (horizon) =>
      linePoints(fit, horizon).map((p) => ({
        day: p.day,
        mean: Math.exp(p.mean),
        lower: Math.exp(p.lower),
        upper: Math.exp(p.upper),
      })),
    describe: `${perMonth >= 0 ? '+' : ''}${formatNumber(perMonth * 100)}% a month`,
  };
}
