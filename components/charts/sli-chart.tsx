'use client';

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
import { formatPercent, type PercentOptions } from '@/lib/format';
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
import { decimalsFor, linearTicks, niceStep } from './scales';

/** Attainment reads with only the digits it has: 99.9%, 99.95%. */
const TRIM: PercentOptions = { digits: 3, zeros: 'trim' };

/**
 * Y axis (in percent) from a bit below min(lowest point, target) up to 100%,
 * snapped to round ticks (1, 2, 2.5 or 5 × 10^k apart).
 */
function percentAxis(lowestPct: number) {
  const lo = Math.min(lowestPct, 100);
  const floor = lo - Math.max((100 - lo) * 0.15, 0.005);
  const step = niceStep((100 - floor) / 4);
  const min = Math.max(0, Math.floor(floor / step) * step);
  const domain: [number, number] = [min, 100];
  return { domain, ticks: linearTicks(min, 100, step), decimals: decimalsFor(step) };
}

/** SLI attainment over time as a percentage, against the SLO target, with corrections and annotations. */
export function SliChart({
  points,
  target,
  corrections = [],
  annotations = [],
  height = 240,
}: {
  points: { t: number; attainment: number | null }[];
  target: number;
  corrections?: { start: number; end: number; reason?: string }[];
  annotations?: { t: number; label: string }[];
  height?: number;
}) {
  const data = sortByTime(points).map((p) => ({
    t: p.t,
    pct: isValue(p.attainment) ? p.attainment * 100 : null,
  }));
  const values = data.map((d) => d.pct).filter(isValue);
  const targetLabel = `Target ${formatPercent(target, TRIM)}`;
  const latest = values.at(-1);
  const label =
    latest === undefined
      ? `SLI attainment over time against ${targetLabel}`
      : `SLI attainment over time against ${targetLabel}; latest ${formatPercent(latest / 100, TRIM)}`;
  const { domain, ticks, decimals } = percentAxis(Math.min(target * 100, ...values));

  return (
    <ChartFrame label={label} empty={values.length === 0} height={height}>
      <ResponsiveContainer width="100%" height={height}>
        <LineChart data={data} margin={chartMargin} accessibilityLayer={false}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
          <XAxis {...timeAxisProps(data.map((d) => d.t))} />
          <YAxis
            type="number"
            domain={domain}
            ticks={ticks}
            tickFormatter={(v: number) => `${v.toFixed(decimals)}%`}
            tick={axisTick}
            stroke="var(--border)"
            tickLine={false}
            width={44 + decimals * 8}
          />
          {correctionAreas(corrections)}
          <ReferenceLine
            y={target * 100}
            stroke="var(--muted-foreground)"
            strokeDasharray="6 4"
            label={{
              value: targetLabel,
              // Below the line when the target hugs the top of the plot, otherwise above it.
              position: target * 100 > 100 - (100 - domain[0]) * 0.1 ? 'insideTopRight' : 'insideBottomRight',
              offset: 6,
              fill: 'var(--muted-foreground)',
              fontSize: 11,
            }}
          />
          {annotations.map((a) => (
            <ReferenceLine
              key={`ann-${a.t}-${a.label}`}
              x={a.t}
              stroke="var(--muted-foreground)"
              strokeOpacity={0.7}
              label={{ value: a.label, position: 'insideTopLeft', fill: 'var(--foreground)', fontSize: 10 }}
            />
          ))}
          <Tooltip
            {...tooltipProps}
            formatter={(value) => [
              typeof value === 'number' ? formatPercent(value / 100, TRIM) : '–',
              'Attainment',
            ]}
            labelFormatter={(t) => tooltipTimeLabel(t, corrections)}
          />
          <Line
            type="linear"
            dataKey="pct"
            name="Attainment"
            stroke="var(--primary)"
            strokeWidth={2}
            dot={false}
            activeDot={{ r: 3 }}
            connectNulls={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
