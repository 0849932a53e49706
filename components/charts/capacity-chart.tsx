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
import { axisTick, ChartFrame, chartMargin, isValue, timeAxisProps, tooltipProps } from './chart-utils';
import { linearTicks, niceStep } from './scales';

export interface CapacityChartPoint {
  /** UTC midnight, epoch ms. */
  t: number;
  demand?: number;
  forecast?: number;
  /** [lower, upper] of the 95% prediction interval. */
  band?: [number, number];
}

const dateFmt = new Intl.DateTimeFormat('en-US', {
  timeZone: 'UTC',
  month: 'short',
  day: 'numeric',
  year: 'numeric',
});
const numberFmt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/**
 * Demand history, the chosen model's forecast with its 95% band, the fleet's full capacity,
 * the target-utilisation line it is planned against, and where the forecast crosses it.
 */
export function CapacityChart({
  points,
  capacity,
  target,
  exhaustion,
  unit,
  modelLabel,
  height = 320,
}: {
  points: CapacityChartPoint[];
  /** instances × capacity per instance */
  capacity: number;
  /** capacity × target utilisation */
  target: number;
  /** Epoch ms of the forecast crossing the target line, if within the chart. */
  exhaustion: number | null;
  unit: string;
  modelLabel: string;
  height?: number;
}) {
  const values = points.flatMap((p) => [p.demand, p.forecast, p.band?.[1]]).filter(isValue);
  const top = Math.max(capacity * 1.05, ...values.map((v) => v * 1.05), 1);
  const step = niceStep(top / 5);
  const domainTop = Math.ceil(top / step) * step;
  const bottom = Math.min(0, ...points.map((p) => p.band?.[0]).filter(isValue));
  const domainBottom = bottom < 0 ? -Math.ceil(-bottom / step) * step : 0;
  const label = `Demand in ${unit} with the ${modelLabel} forecast, its 95% interval, the capacity and the target utilisation`;
  const fmt = (v: number) => `${numberFmt.format(v)} ${unit}`;

  return (
    <ChartFrame label={label} empty={values.length === 0} height={height}>
      <ResponsiveContainer width="100%" height={height}>
        <ComposedChart data={points} margin={chartMargin} accessibilityLayer={false}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
          <XAxis {...timeAxisProps(points.map((p) => p.t))} />
          <YAxis
            type="number"
            domain={[domainBottom, domainTop]}
            ticks={linearTicks(domainBottom, domainTop, step)}
            tickFormatter={(v: number) => numberFmt.format(v)}
            tick={axisTick}
            stroke="var(--border)"
            tickLine={false}
            width={56}
          />
          <Tooltip
            {...tooltipProps}
            labelFormatter={(t) => (typeof t === 'number' ? dateFmt.format(t) : String(t))}
            formatter={(value, name) => {
              if (Array.isArray(value)) return [`${fmt(Number(value[0]))} – ${fmt(Number(value[1]))}`, name];
              return [fmt(Number(value)), name];
            }}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Area
            dataKey="band"
            name="95% interval"
            stroke="none"
            fill="var(--primary)"
            fillOpacity={0.15}
            isAnimationActive={false}
            connectNulls
          />
          <Line
            dataKey="demand"
            name="Peak demand"
            stroke="var(--foreground)"
            strokeWidth={1.5}
            dot={false}
            isAnimationActive={false}
          />
          <Line
            dataKey="forecast"
            name={`Forecast (${modelLabel})`}
            stroke="var(--primary)"
            strokeWidth={2}
            strokeDasharray="6 3"
            dot={false}
            isAnimationActive={false}
          />
          <ReferenceLine
            y={capacity}
            stroke="var(--depleted)"
            strokeWidth={1.5}
            ifOverflow="extendDomain"
            label={{ value: 'Capacity', position: 'insideTopLeft', fill: 'var(--depleted)', fontSize: 11 }}
          />
          <ReferenceLine
            y={target}
            stroke="var(--warning)"
            strokeDasharray="4 4"
            ifOverflow="extendDomain"
            label={{ value: 'Target', position: 'insideBottomLeft', fill: 'var(--warning)', fontSize: 11 }}
          />
          {exhaustion !== null && (
            <ReferenceLine
              x={exhaustion}
              stroke="var(--depleted)"
              strokeDasharray="2 3"
              label={{ value: 'Runs out', position: 'insideTopRight', fill: 'var(--depleted)', fontSize: 11 }}
            />
          )}
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
