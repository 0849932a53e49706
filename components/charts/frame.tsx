import type { CSSProperties, ReactNode } from 'react';

// Chart helpers that do not touch Recharts: the hand-drawn sparkline and the lazy chart
// wrappers use them without pulling the chart library into a page's first load.

export function isValue(v: number | null | undefined): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

export function sortByTime<T extends { t: number }>(points: readonly T[]): T[] {
  return [...points].sort((a, b) => a.t - b.t);
}

/**
 * Accessible wrapper: role="img" with a label, or, without data, a muted
 * "No data in this range" box of the same size.
 */
export function ChartFrame({
  label,
  empty,
  height,
  width,
  compact = false,
  children,
}: {
  label: string;
  empty: boolean;
  height: number;
  width?: number;
  compact?: boolean;
  children: ReactNode;
}) {
  const style: CSSProperties = { height, width: width ?? '100%' };
  if (empty) {
    return (
      <div
        role="img"
        aria-label={`${label} (no data in this range)`}
        style={style}
        className={
          compact
            ? 'flex items-center justify-center overflow-hidden whitespace-nowrap text-[10px] leading-none text-muted-foreground'
            : 'flex items-center justify-center rounded-md border border-dashed border-border text-sm text-muted-foreground'
        }
      >
        No data in this range
      </div>
    );
  }
  return (
    <div role="img" aria-label={label} style={style} className="min-w-0">
      {children}
    </div>
  );
}
