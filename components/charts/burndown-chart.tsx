'use client';

import {
  Area,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatPercent } from '@/lib/format';
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
import { linearTicks, niceStep } from './scales';

/** Error budget remaining (fraction, may go negative) against the ideal linear burn. */
export function BurndownChart({
  points,
  corrections = [],
  height = 240,
}: {
  points: { t: number; remaining: number | null; ideal: number }[];
  corrections?: { start: number; end: number }[];
  height?: number;
}) {
  const data = sortByTime(points).map((p) => ({
    t: p.t,
    remaining: isValue(p.remaining) ? p.remaining * 100 : null,
    ideal: isValue(p.ideal) ? p.ideal * 100 : null,
  }));
  const remaining = data.map((d) => d.remaining).filter(isValue);
  const all = [...remaining, ...data.map((d) => d.ideal).filter(isValue)];
  const lowest = Math.min(0, ...all);
  const highest = Math.max(100, ...all);
  const step = niceStep((highest - lowest) / 5);
  const domain: [number, number] = [Math.floor(lowest / step) * step, Math.ceil(highest / step) * step];
  const latest = remaining.at(-1);
  const label =
    latest === undefined
      ? 'Error budget remaining over time'
      : `Error budget remaining over time; latest ${formatPercent(latest / 100, { digits: 1, zeros: 'trim' })}`;

  return (
    <ChartFrame label={label} empty={remaining.length === 0} height={height}>
      <ResponsiveContainer width="100%" height={height}>
        <ComposedChart data={data} margin={chartMargin} accessibilityLayer={false}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
          <XAxis {...timeAxisProps(data.map((d) => d.t))} />
          <YAxis
            type="number"
            domain={domain}
            ticks={linearTicks(domain[0], domain[1], step)}
            tickFormatter={(v: number) => `${Math.round(v)}%`}
            tick={axisTick}
            stroke="var(--border)"
            tickLine={false}
            width={48}
          />
          {correctionAreas(corrections)}
          <ReferenceLine y={0} stroke="var(--destructive)" strokeWidth={1.5} />
          <Tooltip
            {...tooltipProps}
            formatter={(value) =>
              typeof value === 'number' ? formatPercent(value / 100, { digits: 1, zeros: 'trim' }) : '–'
            }
            labelFormatter={(t) => tooltipTimeLabel(t, corrections)}
          />
          <Legend
            verticalAlign="top"
            align="right"
            height={24}
            iconSize={10}
            wrapperStyle={{ fontSize: 12, color: 'var(--muted-foreground)' }}
          />
          <Area
            type="linear"
            dataKey="remaining"
            name="Budget remaining"
            stroke="var(--primary)"
            strokeWidth={2}
            fill="var(--primary)"
            fillOpacity={0.15}
            baseValue={0}
            dot={false}
            activeDot={{ r: 3 }}
            connectNulls={false}
            isAnimationActive={false}
          />
          <Line
            type="linear"
            dataKey="ideal"
            name="Ideal burn"
            stroke="var(--muted-foreground)"
            strokeWidth={1.5}
            strokeDasharray="5 4"
            dot={false}
            activeDot={false}
            connectNulls={false}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
