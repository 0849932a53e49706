'use client';

import { Line, LineChart, XAxis, YAxis } from 'recharts';
import { ChartFrame, isValue, sortByTime } from './chart-utils';

export type SparklineStatus = 'healthy' | 'warning' | 'critical' | 'depleted' | 'unknown';

const statusColor: Record<SparklineStatus, string> = {
  healthy: 'var(--healthy)',
  warning: 'var(--warning)',
  critical: 'var(--critical)',
  depleted: 'var(--depleted)',
  unknown: 'var(--muted-foreground)',
};

/** Pads ['dataMin', 'dataMax'] by 10% of the range (or of the value when the line is flat). */
function paddedDomain([min, max]: readonly [number, number]): [number, number] {
  const span = max - min;
  const pad = span > 0 ? span * 0.1 : Math.abs(max) * 0.05 || 1;
  return [min - pad, max + pad];
}

/** A tiny trend line for tables and cards: fixed size, no axes, no tooltip. */
export function Sparkline({
  points,
  status,
  height = 28,
  width = 110,
}: {
  points: { t: number; v: number | null }[];
  status: SparklineStatus;
  height?: number;
  width?: number;
}) {
  const data = sortByTime(points);
  const empty = !data.some((p) => isValue(p.v));
  return (
    <ChartFrame label="Trend" empty={empty} height={height} width={width} compact>
      <LineChart
        width={width}
        height={height}
        data={data}
        margin={{ top: 2, right: 2, bottom: 2, left: 2 }}
        accessibilityLayer={false}
      >
        <XAxis dataKey="t" type="number" scale="time" domain={['dataMin', 'dataMax']} hide />
        <YAxis type="number" domain={paddedDomain} hide />
        <Line
          type="monotone"
          dataKey="v"
          stroke={statusColor[status] ?? statusColor.unknown}
          strokeWidth={1.5}
          dot={false}
          activeDot={false}
          connectNulls={false}
          isAnimationActive={false}
        />
      </LineChart>
    </ChartFrame>
  );
}
