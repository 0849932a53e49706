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
import { formatBurn } from '@/lib/format';
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

export interface BurnRateThreshold {
  label: string;
  factor: number;
  severity: 'page' | 'ticket';
}

interface Row {
  t: number;
  /** Value drawn: the burn rate, clamped to the top of the axis. */
  plot: number | null;
  /** The real burn rate, for the tooltip. */
  burn: number | null;
}

const severityColor = { page: 'var(--critical)', ticket: 'var(--warning)' } as const;

/** '14.4× page (1h)' */
function thresholdLabel(th: BurnRateThreshold): string {
  return `${formatBurn(th.factor, 'trim')} ${th.severity}${th.label ? ` (${th.label})` : ''}`;
}

/**
 * Error-budget burn rate (multiples of the sustainable rate) with alert thresholds.
 * The axis stays linear; when the data spikes past 3× the highest threshold, the axis
 * is capped there and the clipped values are flagged in the tooltip.
 */
export function BurnRateChart({
  points,
  thresholds,
  corrections = [],
  height = 240,
}: {
  points: { t: number; burn: number | null }[];
  thresholds: BurnRateThreshold[];
  corrections?: { start: number; end: number }[];
  height?: number;
}) {
  const values = points.map((p) => p.burn).filter(isValue);
  const maxBurn = Math.max(0, ...values);
  const maxThreshold = Math.max(0, ...thresholds.map((th) => th.factor).filter(isValue));
  const cap = maxThreshold > 0 ? maxThreshold * 3 : Number.POSITIVE_INFINITY;
  const clipped = maxBurn > cap;
  const step = niceStep((clipped ? cap : Math.max(maxBurn, maxThreshold) * 1.1 || 1) / 5);
  // Clipped: the axis ends exactly at the cap; otherwise at the next round tick above 110% of the data.
  const top = clipped ? cap : Math.ceil((Math.max(maxBurn, maxThreshold) * 1.1 || 1) / step) * step;
  const data: Row[] = sortByTime(points).map((p) => {
    const burn = isValue(p.burn) ? p.burn : null;
    return { t: p.t, burn, plot: burn === null ? null : Math.min(burn, top) };
  });
  const latest = data.filter((d) => d.burn !== null).at(-1)?.burn;
  const label = [
    'Error budget burn rate over time',
    latest == null ? '' : `latest ${formatBurn(latest, 'trim')}`,
    thresholds.length ? `alert thresholds ${thresholds.map(thresholdLabel).join(', ')}` : '',
    clipped ? `values above ${formatBurn(cap, 'trim')} are clipped` : '',
  ]
    .filter(Boolean)
    .join('; ');

  return (
    <ChartFrame label={label} empty={values.length === 0} height={height}>
      <ResponsiveContainer width="100%" height={height}>
        <LineChart data={data} margin={chartMargin} accessibilityLayer={false}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
          <XAxis {...timeAxisProps(data.map((d) => d.t))} />
          <YAxis
            type="number"
            domain={[0, top]}
            ticks={linearTicks(0, top, step)}
            allowDataOverflow
            tickFormatter={(v: number) => formatBurn(v, 'trim')}
            tick={axisTick}
            stroke="var(--border)"
            tickLine={false}
            width={48}
          />
          {correctionAreas(corrections)}
          {thresholds.map((th) => (
            <ReferenceLine
              key={`th-${th.severity}-${th.factor}-${th.label}`}
              y={th.factor}
              stroke={severityColor[th.severity]}
              strokeDasharray="6 4"
              label={{
                value: thresholdLabel(th),
                position: 'insideBottomRight',
                fill: severityColor[th.severity],
                fontSize: 11,
              }}
            />
          ))}
          <Tooltip
            {...tooltipProps}
            formatter={(_value, _name, item) => {
              const row = item.payload as Row | undefined;
              if (!row || row.burn === null) return ['–', 'Burn rate'];
              const note = row.burn > top ? ` (clipped at ${formatBurn(top, 'trim')})` : '';
              return [`${formatBurn(row.burn, 'trim')}${note}`, 'Burn rate'];
            }}
            labelFormatter={(t) => tooltipTimeLabel(t, corrections)}
          />
          <Line
            type="linear"
            dataKey="plot"
            name="Burn rate"
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
