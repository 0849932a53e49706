'use client';

import type { CSSProperties, ReactNode } from 'react';
import { ReferenceArea } from 'recharts';
import { formatDateTime, formatTimeTick } from '@/lib/format';
import { timeTicks } from './scales';

// Recharts-free helpers live in ./frame (the sparkline and the lazy wrappers use them).
export { ChartFrame, isValue, sortByTime } from './frame';

/** Full timestamp for tooltips, e.g. 'Nov 3, 14:00 UTC'. */
export function formatTooltipTime(t: ReactNode): string {
  return typeof t === 'number' && Number.isFinite(t) ? formatDateTime(t) : String(t ?? '');
}

const tooltipContentStyle: CSSProperties = {
  backgroundColor: 'var(--card)',
  border: '1px solid var(--border)',
  borderRadius: 6,
  color: 'var(--foreground)',
  fontSize: 12,
  padding: '6px 10px',
};

const tooltipLabelStyle: CSSProperties = { color: 'var(--foreground)', fontWeight: 500, marginBottom: 2 };

/** Shared <Tooltip> props: card background and border, no animation. */
export const tooltipProps = {
  contentStyle: tooltipContentStyle,
  labelStyle: tooltipLabelStyle,
  separator: ': ',
  isAnimationActive: false,
  cursor: { stroke: 'var(--border)' },
};

export const axisTick = { fill: 'var(--muted-foreground)', fontSize: 11 };

export const chartMargin = { top: 8, right: 16, bottom: 0, left: 0 };

/** Shared props for the time X axis (spread onto <XAxis>). */
export function timeAxisProps(ts: readonly number[]) {
  return {
    dataKey: 't',
    type: 'number' as const,
    scale: 'time' as const,
    domain: ['dataMin', 'dataMax'],
    ticks: timeTicks(Math.min(...ts), Math.max(...ts)),
    tickFormatter: formatTimeTick,
    tick: axisTick,
    stroke: 'var(--border)',
    tickLine: false,
    minTickGap: 24,
  };
}

/** Shaded bands for SLO corrections (excluded windows). Call as a function, not as a component. */
export function correctionAreas(corrections: readonly { start: number; end: number }[], showLabel = true) {
  return corrections.map((c) => (
    <ReferenceArea
      key={`corr-${c.start}-${c.end}`}
      x1={c.start}
      x2={c.end}
      ifOverflow="hidden"
      fill="var(--muted-foreground)"
      fillOpacity={0.12}
      stroke="none"
      label={
        showLabel
          ? { value: 'Correction', position: 'insideTop', fill: 'var(--muted-foreground)', fontSize: 10 }
          : undefined
      }
    />
  ));
}

/**
 * Tooltip title: the full timestamp, plus a 'Correction' line for each correction covering it.
 * (Rendered inside the tooltip's <p>, so only phrasing content: spans, not divs.)
 */
export function tooltipTimeLabel(
  t: ReactNode,
  corrections: readonly { start: number; end: number; reason?: string }[],
): ReactNode {
  const covering = typeof t === 'number' ? corrections.filter((c) => t >= c.start && t <= c.end) : [];
  return (
    <>
      {formatTooltipTime(t)}
      {covering.map((c) => (
        <span
          key={`${c.start}-${c.end}`}
          style={{ display: 'block', color: 'var(--muted-foreground)', fontWeight: 400 }}
        >
          Correction{c.reason ? `: ${c.reason}` : ''}
        </span>
      ))}
    </>
  );
}
