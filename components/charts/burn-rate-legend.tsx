// The burn-rate chart's scale and tier legend, without the chart library: the legend renders
// with the page while the plot (./burn-rate-chart) loads lazily.
import { formatBurn } from '@/lib/format';
import { alertTierLabel } from '@/lib/slo/alerts';
import type { BurnRateTier } from './burn-rate-chart';
import { isValue } from './frame';
import { niceStep } from './scales';

export type BurnRatePoint = { t: number } & Partial<Record<`t${number}`, number | null>>;

export const TIER_COLORS: Record<number, string> = {
  1: 'var(--depleted)',
  2: 'var(--critical)',
  3: 'var(--warning)',
  4: 'var(--primary)',
};

export const formatFactor = (v: number) => formatBurn(v, 'trim');

/** Y axis of the burn-rate plot: spikes above twice the largest factor are clipped at it. */
export function burnRateScale(points: readonly BurnRatePoint[], tiers: readonly BurnRateTier[]) {
  const keys = tiers.map((t) => `t${t.tier}` as const);
  const values = points.flatMap((p) => keys.map((k) => p[k])).filter(isValue);
  const maxBurn = Math.max(0, ...values);
  const maxFactor = Math.max(0, ...tiers.map((t) => t.factor));
  const cap = maxFactor > 0 ? maxFactor * 2 : Number.POSITIVE_INFINITY;
  const clipped = maxBurn > cap;
  const span = clipped ? cap : Math.max(maxBurn, maxFactor) * 1.1 || 1;
  const step = niceStep(span / 5);
  const top = clipped ? cap : Math.ceil(span / step) * step;
  return { keys, values, cap, clipped, step, top };
}

export function BurnRateLegend({
  points,
  tiers,
}: {
  points: readonly BurnRatePoint[];
  tiers: readonly BurnRateTier[];
}) {
  const { cap, clipped } = burnRateScale(points, tiers);
  return (
    <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted-foreground">
      {tiers.map((t) => (
        <li key={t.tier} className="flex items-center gap-1.5">
          <span className="inline-block h-0.5 w-4" style={{ background: TIER_COLORS[t.tier] }} aria-hidden />
          {alertTierLabel(t.tier, t.severity)}: fires above {formatFactor(t.factor)} over {t.long} and{' '}
          {t.short}
        </li>
      ))}
      {clipped && <li>▲ clipped above {formatFactor(cap)}</li>}
    </ul>
  );
}
