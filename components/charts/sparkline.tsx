// A hand-drawn SVG trend line: tables and lists get it with no chart library (it renders on
// the server as well as in client components).
import { monotonePath, type XY } from '@/lib/chart-layout';
import { ChartFrame, isValue, sortByTime } from './frame';

export type SparklineStatus = 'healthy' | 'warning' | 'critical' | 'depleted' | 'unknown';

const statusColor: Record<SparklineStatus, string> = {
  healthy: 'var(--healthy)',
  warning: 'var(--warning)',
  critical: 'var(--critical)',
  depleted: 'var(--depleted)',
  unknown: 'var(--muted-foreground)',
};

const MARGIN = 2;

/** Pads [min, max] by 10% of the range (or of the value when the line is flat). */
function paddedDomain(min: number, max: number): [number, number] {
  const span = max - min;
  const pad = span > 0 ? span * 0.1 : Math.abs(max) * 0.05 || 1;
  return [min - pad, max + pad];
}

/** A tiny trend line for tables and cards: fixed size, no axes, no tooltip; gaps stay gaps. */
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
  const values = data.map((p) => p.v).filter(isValue);
  const empty = values.length === 0;
  const stroke = statusColor[status] ?? statusColor.unknown;
  const runs: XY[][] = [];
  if (!empty) {
    const t0 = data[0].t;
    const t1 = data[data.length - 1].t;
    const [lo, hi] = paddedDomain(Math.min(...values), Math.max(...values));
    const x = (t: number) => MARGIN + (t1 > t0 ? ((t - t0) / (t1 - t0)) * (width - 2 * MARGIN) : 0);
    const y = (v: number) => MARGIN + ((hi - v) / (hi - lo)) * (height - 2 * MARGIN);
    let run: XY[] = [];
    for (const p of data) {
      if (isValue(p.v)) run.push([x(p.t), y(p.v)]);
      else if (run.length) {
        runs.push(run);
        run = [];
      }
    }
    if (run.length) runs.push(run);
  }
  return (
    <ChartFrame label="Trend" empty={empty} height={height} width={width} compact>
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden className="block">
        {runs.map((run) =>
          run.length === 1 ? (
            <circle key={run[0][0]} cx={run[0][0]} cy={run[0][1]} r={1.25} fill={stroke} />
          ) : (
            <path
              key={run[0][0]}
              d={monotonePath(run)}
              fill="none"
              stroke={stroke}
              strokeWidth={1.5}
              strokeLinejoin="round"
              strokeLinecap="round"
            />
          ),
        )}
      </svg>
    </ChartFrame>
  );
}
