'use client';

import type { ComponentProps } from 'react';
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { spreadLabels } from '@/lib/chart-layout';
import { alertTierLabel } from '@/lib/slo/alerts';
import {
  BurnRateLegend,
  type BurnRatePoint,
  burnRateScale,
  formatFactor,
  TIER_COLORS,
} from './burn-rate-legend';
import {
  axisTick,
  ChartFrame,
  chartMargin,
  correctionAreas,
  isValue,
  sortByTime,
  timeAxisProps,
  tooltipProps,
  tooltipTimeLabel,
} from './chart-utils';
import { linearTicks } from './scales';

/** One alert tier: its line is the burn it evaluates, its threshold the factor. */
export interface BurnRateTier {
  tier: number;
  severity: 'page' | 'ticket';
  factor: number;
  /** Scaled windows, e.g. '14m' and '1m'. */
  long: string;
  short: string;
}

export interface AlertAnnotation {
  t: number;
  label: string;
  state: 'firing' | 'resolved' | 'suppressed';
}

const STATE_COLORS = {
  firing: 'var(--depleted)',
  resolved: 'var(--healthy)',
  suppressed: 'var(--muted-foreground)',
};
const X_AXIS_HEIGHT = 30;
const LABEL_GAP = 13;

const severityWord = (t: BurnRateTier) => (t.severity === 'page' ? 'Page' : 'Ticket');
const tierLabel = (t: BurnRateTier) => `${severityWord(t)} ${formatFactor(t.factor)} ${t.long}/${t.short}`;

/**
 * The burn each alert tier evaluates (the lower of its long and short
 * windows) over time, against that tier's factor: a line above its threshold
 * means the tier fires (as in Pyrra). Spikes above the axis are clipped and
 * marked with a ▲; threshold labels are spread so they never overlap. The tier legend is
 * drawn beside it by BurnRateChart (or by the lazy wrapper in ./lazy while this loads).
 */
export function BurnRatePlot({
  points,
  tiers,
  corrections = [],
  annotations = [],
  height = 260,
}: {
  points: BurnRatePoint[];
  tiers: BurnRateTier[];
  corrections?: { start: number; end: number }[];
  annotations?: AlertAnnotation[];
  height?: number;
}) {
  const { keys, values, cap, clipped, step, top } = burnRateScale(points, tiers);
  const data = sortByTime(points).map((p) => {
    const row: Record<string, number | null | boolean> = { t: p.t };
    for (const k of keys) {
      const v = p[k];
      const burn = isValue(v) ? v : null;
      row[k] = burn;
      row[`plot_${k}`] = burn === null ? null : Math.min(burn, top);
      row[`clip_${k}`] = burn !== null && burn > top;
    }
    return row;
  });

  // Threshold labels: pixel rows of their lines, spread apart so none overlaps another.
  const plotTop = chartMargin.top;
  const plotHeight = height - chartMargin.top - chartMargin.bottom - X_AXIS_HEIGHT;
  const wanted = tiers.map((t) => plotTop + (1 - t.factor / top) * plotHeight - 4);
  const placed = spreadLabels(wanted, LABEL_GAP, plotTop + 10, plotTop + plotHeight - 2);

  const latest = tiers
    .map((t) => {
      const v = data.filter((d) => isValue(d[`t${t.tier}`] as number | null)).at(-1)?.[`t${t.tier}`];
      return isValue(v as number)
        ? `${alertTierLabel(t.tier, t.severity)} ${formatFactor(v as number)} of ${formatFactor(t.factor)}`
        : '';
    })
    .filter(Boolean);
  const label = [
    'Burn each alert tier evaluates over time, against its factor',
    latest.length ? `latest ${latest.join(', ')}` : '',
    clipped ? `values above ${formatFactor(cap)} are clipped and marked` : '',
    annotations.length ? `${annotations.length} alert state changes marked` : '',
  ]
    .filter(Boolean)
    .join('; ');

  return (
    <ChartFrame label={label} empty={values.length === 0} height={height}>
      <ResponsiveContainer width="100%" height={height}>
        <LineChart data={data} margin={chartMargin} accessibilityLayer={false}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
          <XAxis {...timeAxisProps(data.map((d) => d.t as number))} height={X_AXIS_HEIGHT} />
          <YAxis
            type="number"
            domain={[0, top]}
            ticks={linearTicks(0, top, step)}
            allowDataOverflow
            tickFormatter={(v: number) => formatFactor(v)}
            tick={axisTick}
            stroke="var(--border)"
            tickLine={false}
            width={48}
          />
          {correctionAreas(corrections)}
          {annotations.map((a) => (
            <ReferenceLine
              key={`ann-${a.t}-${a.label}`}
              x={a.t}
              stroke={STATE_COLORS[a.state]}
              strokeOpacity={0.6}
              ifOverflow="hidden"
            />
          ))}
          {tiers.map((t, i) => (
            <ReferenceLine
              key={`th-${t.tier}`}
              y={t.factor}
              stroke={TIER_COLORS[t.tier]}
              strokeDasharray="6 4"
              label={(props: { viewBox?: { x?: number; width?: number } }) => (
                <text
                  x={(props.viewBox?.x ?? 0) + (props.viewBox?.width ?? 0) - 4}
                  y={placed[i]}
                  textAnchor="end"
                  fill={TIER_COLORS[t.tier]}
                  fontSize={11}
                  data-testid={`threshold-label-${t.tier}`}
                >
                  {tierLabel(t)}
                </text>
              )}
            />
          ))}
          <Tooltip
            {...tooltipProps}
            formatter={(_value, name, item) => {
              const row = item.payload as Record<string, number | null | boolean>;
              const key = String(item.dataKey ?? '').replace('plot_', '');
              const burn = row?.[key] as number | null;
              if (!isValue(burn)) return ['–', name];
              return [`${formatFactor(burn)}${burn > top ? ` (clipped at ${formatFactor(top)})` : ''}`, name];
            }}
            labelFormatter={(t) => tooltipTimeLabel(t, corrections)}
          />
          {tiers.map((t) => {
            const k = `t${t.tier}`;
            return (
              <Line
                key={k}
                type="linear"
                dataKey={`plot_${k}`}
                name={`${alertTierLabel(t.tier, t.severity)} (${t.long}/${t.short})`}
                stroke={TIER_COLORS[t.tier]}
                strokeWidth={t.severity === 'page' ? 2 : 1.5}
                dot={(props: {
                  cx?: number;
                  cy?: number;
                  payload?: Record<string, unknown>;
                  index?: number;
                }) =>
                  props.payload?.[`clip_${k}`] && props.cx !== undefined && props.cy !== undefined ? (
                    <path
                      key={`clip-${k}-${props.index}`}
                      d={`M${props.cx - 4},${props.cy + 6} L${props.cx + 4},${props.cy + 6} L${props.cx},${props.cy} Z`}
                      fill={TIER_COLORS[t.tier]}
                      data-testid="clipped-marker"
                    />
                  ) : (
                    <g key={`noclip-${k}-${props.index}`} />
                  )
                }
                activeDot={{ r: 3 }}
                connectNulls={false}
                isAnimationActive={false}
              />
            );
          })}
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

/** The plot with its tier legend below. */
export function BurnRateChart(props: ComponentProps<typeof BurnRatePlot>) {
  return (
    <div>
      <BurnRatePlot {...props} />
      <BurnRateLegend points={props.points} tiers={props.tiers} />
    </div>
  );
}
