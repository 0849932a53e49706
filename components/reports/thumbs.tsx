// Small charts drawn as plain SVG on the server: they print, they land in the PDF, and they
// ship no JavaScript.

import type { Rag } from '@/lib/reports/types';
import { cn } from '@/lib/utils';

const RAG_CLASS: Record<Rag, string> = {
  red: 'bg-depleted',
  amber: 'bg-warning',
  green: 'bg-healthy',
  grey: 'bg-muted-foreground/40',
};
const RAG_LABEL: Record<Rag, string> = { red: 'Breached', amber: 'At risk', green: 'Met', grey: 'No data' };

export function RagDot({ rag, className }: { rag: Rag; className?: string }) {
  return (
    <span
      role="img"
      aria-label={RAG_LABEL[rag]}
      title={RAG_LABEL[rag]}
      className={cn('inline-block size-2.5 shrink-0 rounded-full', RAG_CLASS[rag], className)}
    />
  );
}

/**
 * Budget remaining over the month (1 = untouched, 0 = exhausted), with the ideal linear burn
 * as a dashed line; below zero is drawn in red.
 */
export function BurndownThumb({
  points,
  days,
  label,
}: {
  points: Array<number | null>;
  days: number;
  label: string;
}) {
  const w = 120;
  const h = 36;
  const values = points.filter((p): p is number => p !== null);
  const min = Math.min(0, ...values);
  const y = (v: number) => h - 2 - ((v - min) / (1 - min)) * (h - 4);
  const x = (i: number) => (days <= 1 ? 0 : (i / (days - 1)) * w);
  let path = '';
  points.forEach((p, i) => {
    if (p === null) return;
    path += `${path ? 'L' : 'M'}${x(i).toFixed(1)},${y(Math.min(1, p)).toFixed(1)}`;
  });
  const last = values.at(-1);
  const stroke =
    last === undefined
      ? 'var(--muted-foreground)'
      : last <= 0
        ? 'var(--depleted)'
        : last <= 0.25
          ? 'var(--critical)'
          : 'var(--healthy)';
  return (
    <svg
      width={w}
      height={h}
      viewBox={`0 0 ${w} ${h}`}
      role="img"
      aria-label={label}
      className="overflow-visible"
    >
      <line
        x1={0}
        y1={y(1)}
        x2={w}
        y2={y(0)}
        stroke="var(--muted-foreground)"
        strokeDasharray="3 3"
        strokeWidth={1}
        opacity={0.6}
      />
      <line x1={0} y1={y(0)} x2={w} y2={y(0)} stroke="var(--border)" strokeWidth={1} />
      {path && <path d={path} fill="none" stroke={stroke} strokeWidth={1.75} />}
    </svg>
  );
}

/** One bar per month (oldest left), the current month emphasised. */
export function MonthBars({
  values,
  labels,
  unit,
  title,
}: {
  values: Array<number | null>;
  labels: string[];
  unit: string;
  title: string;
}) {
  const w = 168;
  const h = 44;
  const max = Math.max(1, ...values.map((v) => v ?? 0));
  const bw = w / values.length;
  return (
    <svg width={w} height={h + 12} viewBox={`0 0 ${w} ${h + 12}`} role="img" aria-label={title}>
      {values.map((v, i) => {
        const bh = v === null ? 0 : Math.max(1, (v / max) * h);
        const current = i === values.length - 1;
        return (
          <g key={labels[i]}>
            <title>{`${labels[i]}: ${v === null ? 'no incidents' : `${Math.round(v)} ${unit}`}`}</title>
            <rect
              x={i * bw + 2}
              y={h - bh}
              width={bw - 4}
              height={bh}
              rx={1.5}
              fill={current ? 'var(--primary)' : 'var(--muted-foreground)'}
              opacity={current ? 1 : 0.45}
            />
            <text
              x={i * bw + bw / 2}
              y={h + 10}
              textAnchor="middle"
              fontSize={8}
              fill="var(--muted-foreground)"
            >
              {labels[i].slice(0, 3)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
