'use client';

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { axisTick, ChartFrame, tooltipProps } from './chart-utils';
import { linearTicks, niceStep } from './scales';

/** Toil hours per category, largest first, as horizontal bars. */
export function ToilCategoryChart({ categories }: { categories: { name: string; minutes: number }[] }) {
  const data = categories.filter((c) => c.minutes > 0).map((c) => ({ name: c.name, hours: c.minutes / 60 }));
  const height = Math.max(120, data.length * 30 + 30);
  const step = niceStep(Math.max(1, ...data.map((d) => d.hours)) / 4);
  const domainTop = Math.ceil(Math.max(1, ...data.map((d) => d.hours)) / step) * step;
  const top = data[0];
  const label = top
    ? `Toil hours by category; most: ${top.name} with ${top.hours.toFixed(1)} hours`
    : 'Toil hours by category';
  return (
    <ChartFrame label={label} empty={data.length === 0} height={height}>
      <ResponsiveContainer width="100%" height={height}>
        <BarChart
          data={data}
          layout="vertical"
          margin={{ top: 4, right: 16, bottom: 0, left: 0 }}
          accessibilityLayer={false}
        >
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" horizontal={false} />
          <XAxis
            type="number"
            domain={[0, domainTop]}
            ticks={linearTicks(0, domainTop, step)}
            tick={axisTick}
            stroke="var(--border)"
            tickLine={false}
            tickFormatter={(v: number) => `${v} h`}
          />
          <YAxis
            type="category"
            dataKey="name"
            tick={axisTick}
            stroke="var(--border)"
            tickLine={false}
            width={150}
            interval={0}
          />
          <Tooltip
            {...tooltipProps}
            cursor={{ fill: 'var(--muted)', fillOpacity: 0.5 }}
            formatter={(value) => [typeof value === 'number' ? `${value.toFixed(1)} h` : '–', 'Toil']}
          />
          <Bar
            dataKey="hours"
            name="Toil"
            fill="var(--primary)"
            fillOpacity={0.85}
            radius={[0, 3, 3, 0]}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
