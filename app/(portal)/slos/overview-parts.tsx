'use client';

// The overview's phone layout (a card per SLO and a sort menu in place of the headers) and its
// status counts.
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useTransition } from 'react';
import { BudgetBar } from '@/components/slo/budget-bar';
import { AlertBadge, StatusBadge } from '@/components/slo/status-badge';
import { Select } from '@/components/ui/input';
import type { OverviewRow } from '@/db/slo/overview';
import { formatBudgetLeft, formatBurn, formatPercent, formatServiceTier, formatTarget } from '@/lib/format';
import {
  OVERVIEW_FIRST_DIR,
  OVERVIEW_SORT_LABELS,
  OVERVIEW_SORTS,
  type OverviewDir,
  type OverviewSort,
} from '@/lib/slo/overview-sort';
import type { SloStatus } from '@/lib/slo/policy';
import { cn } from '@/lib/utils';

/** One SLO on a phone: name and status on top, the budget bar across, then burns and alerts. */
export function SloCard({ row: r }: { row: OverviewRow }) {
  return (
    <li className="min-w-0 rounded-lg border bg-card p-3" data-testid="slo-card">
      <div className="flex flex-wrap items-start justify-between gap-x-3 gap-y-1">
        <div className="min-w-0 flex-1 basis-40">
          <Link href={`/slos/${r.slug}`} className="font-medium break-words hover:underline">
            {r.name}
          </Link>
          <div className="text-xs text-muted-foreground">
            {r.serviceName} · {r.teamName ?? 'no team'} ·{' '}
            <span className="whitespace-nowrap">{formatServiceTier(r.tier)}</span>
          </div>
        </div>
        <StatusBadge status={r.status} burn={r.pagingBurn} />
      </div>
      <div className="mt-3">
        <div className="mb-1 flex items-baseline justify-between gap-2 text-xs text-muted-foreground">
          <span>Budget left</span>
          <span className="tabular-nums">
            {formatBudgetLeft(r.budgetTotal, r.budgetConsumed, r.budgetUnit)}
          </span>
        </div>
        <BudgetBar remaining={r.remaining} barClassName="min-w-0 flex-1" />
      </div>
      <dl className="mt-3 grid grid-cols-3 gap-2 text-xs">
        <div>
          <dt className="text-muted-foreground">Burn 1h</dt>
          <dd className="text-sm font-medium tabular-nums" data-testid="card-burn">
            {formatBurn(r.burn1h)}
          </dd>
        </div>
        <div>
          <dt className="text-muted-foreground">Burn 6h</dt>
          <dd className="text-sm tabular-nums">{formatBurn(r.burn6h)}</dd>
        </div>
        <div>
          <dt className="text-muted-foreground">Attainment</dt>
          <dd
            className="text-sm tabular-nums"
            title={`Target ${formatTarget(r.target)} over ${r.windowLabel}`}
          >
            {formatPercent(r.attainment, 3)}
          </dd>
        </div>
      </dl>
      {r.firing.length > 0 && (
        <div className="mt-2 flex flex-wrap gap-1">
          {r.firing.map((f) => (
            <AlertBadge key={f.tier} tier={f.tier} severity={f.severity} />
          ))}
        </div>
      )}
    </li>
  );
}

/** On phones the table headers are gone: the order is picked here, each option worst first. */
export function PhoneSort({ current }: { current?: { key: OverviewSort; dir: OverviewDir } }) {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const [, startTransition] = useTransition();
  const value = current ? `${current.key}:${current.dir}` : 'triage:asc';
  const options = OVERVIEW_SORTS.map((s) => ({
    value: `${s}:${OVERVIEW_FIRST_DIR[s]}`,
    label: OVERVIEW_SORT_LABELS[s],
  }));
  // A sort in the other direction (from a header click on a wider screen) stays selectable.
  if (!options.some((o) => o.value === value) && current)
    options.push({
      value,
      label: `${OVERVIEW_SORT_LABELS[current.key]} (reversed)`,
    });
  return (
    <div className="mb-3 flex items-center gap-2 text-sm sm:hidden">
      <label htmlFor="overview-sort" className="shrink-0 text-muted-foreground">
        Sort
      </label>
      <Select
        id="overview-sort"
        value={value}
        onChange={(e) => {
          const [sort, dir] = e.target.value.split(':');
          const next = new URLSearchParams(search.toString());
          next.delete('page');
          if (sort === 'triage') {
            next.delete('sort');
            next.delete('dir');
          } else {
            next.set('sort', sort);
            next.set('dir', dir);
          }
          startTransition(() => router.replace(`${pathname}?${next.toString()}`, { scroll: false }));
        }}
        className="min-w-0 flex-1"
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </div>
  );
}

const COUNT_TONE: Record<SloStatus, string> = {
  healthy: 'text-healthy',
  // Yellow text fails contrast on white: darken it in light mode.
  warning: 'text-[color-mix(in_oklch,var(--warning)_55%,black)] dark:text-warning',
  critical: 'text-critical',
  depleted: 'text-depleted',
  unknown: '',
};

/** "3 critical" in the status colour; "0 critical" neutral — nothing there is alarming. */
export function StatusCount({ status, count }: { status: SloStatus; count: number }) {
  return (
    <span className={cn(count > 0 && COUNT_TONE[status])} data-count={count} data-status={status}>
      {count} {status}
    </span>
  );
}
