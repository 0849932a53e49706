'use client';

import {
  Bar,
  CartesianGrid,
  Cell,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { axisTick, ChartFrame, chartMargin, isValue, tooltipProps } from './chart-utils';
import { linearTicks, niceStep } from './scales';

export interface ToilTrendSeries {
  key: string;
  name: string;
}

export interface ToilTrendPoint {
  label: string;
  /** Toil % (0–100) by series key; null without capacity. */
  values: Record<string, number | null>;
  /** The period is cut by the range (e.g. the current week). */
  partial: boolean;
}

// Team lines in theme colours; over-cap red is kept for the single-team bars and the cap line.
const SERIES_COLORS = [
  'var(--primary)',
  'var(--healthy)',
  'var(--warning)',
  'color-mix(in oklch, var(--primary) 50%, var(--depleted))',
  'color-mix(in oklch, var(--healthy) 50%, var(--primary))',
  'var(--muted-foreground)',
];

/**
 * Toil % per period against the cap: bars for one team (red above the cap,
 * faded while a period is in progress), one line per team otherwise.
 */
export function ToilTrendChart({
  points,
  series,
  cap,
  height = 260,
}: {
  points: ToilTrendPoint[];
  series: ToilTrendSeries[];
  /** Fraction, e.g. 0.5. */
  cap: number;
  height?: number;
}) {
  const data = points.map((p) => ({ label: p.label, partial: p.partial, ...p.values }));
  const all = points.flatMap((p) => Object.values(p.values)).filter(isValue);
  const capPct = cap * 100;
  const top = Math.max(capPct * 1.2, ...all.map((v) => v * 1.1), 10);
  const step = niceStep(top / 5);
  const domainTop = Math.ceil(top / step) * step;
  const single = series.length === 1;
  const label = `Toil as a share of capacity per period, against the ${Math.round(capPct)}% cap`;

  return (
    <ChartFrame label={label} empty={all.length === 0} height={height}>
      <ResponsiveContainer width="100%" height={height}>
        <ComposedChart data={data} margin={chartMargin} accessibilityLayer={false}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={axisTick} stroke="var(--border)" tickLine={false} minTickGap={12} />
          <YAxis
            type="number"
            domain={[0, domainTop]}
            ticks={linearTicks(0, domainTop, step)}
            tickFormatter={(v: number) => `${v}%`}
            tick={axisTick}
            stroke="var(--border)"
            tickLine={false}
            width={44}
          />
          <ReferenceLine
            y={capPct}
            stroke="var(--destructive)"
            strokeDasharray="6 4"
            label={{
              value: `Cap ${Math.round(capPct)}%`,
              position: 'insideTopLeft',
              fill: 'var(--destructive)',
              fontSize: 11,
            }}
          />
          <Tooltip
            {...tooltipProps}
            cursor={{ fill: 'var(--muted)', fillOpacity: 0.5 }}
            formatter={(value, name) => [typeof value === 'number' ? `${value.toFixed(1)}%` : '–', name]}
            labelFormatter={(l, payload) =>
              payload?.[0]?.payload?.partial ? `${String(l)} (in progress)` : String(l)
            }
          />
          {!single && (
            <Legend
              verticalAlign="top"
              align="right"
              height={24}
              iconSize={10}
              wrapperStyle={{ fontSize: 12, color: 'var(--muted-foreground)' }}
            />
          )}
          {single ? (
            <Bar
              dataKey={series[0].key}
              name={series[0].name}
              isAnimationActive={false}
              radius={[3, 3, 0, 0]}
            >
              {data.map((d) => {
                const v = d[series[0].key as keyof typeof d];
                const over = typeof v === 'number' && v > capPct;
                return (
                  <Cell
                    key={d.label}
                    fill={over ? 'var(--critical)' : 'var(--primary)'}
                    fillOpacity={d.partial ? 0.45 : 0.9}
                  />
                );
              })}
            </Bar>
          ) : (
            series.map((s, i) => (
              <Line
                key={s.key}
                type="monotone"
                dataKey={s.key}
                name={s.name}
                stroke={SERIES_COLORS[i % SERIES_COLORS.length]}
                strokeWidth={2}
                dot={{ r: 2.5 }}
                connectNulls={false}
                isAnimationActive={false}
              />
            ))
          )}
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
