'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { AlertTriangle, Gauge, RefreshCw } from 'lucide-react';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { Sparkline } from '@/components/charts/sparkline';
import { SortHeader } from '@/components/data/sort-header';
import { UrlFilters } from '@/components/data/url-filters';
import { BudgetBar } from '@/components/slo/budget-bar';
import { AlertBadge, StatusBadge } from '@/components/slo/status-badge';
import { Button } from '@/components/ui/button';
import { Card, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Table, TBody, Td, THead, Th, Tr } from '@/components/ui/table';
import type { OverviewResult } from '@/db/slo/overview';
import {
  formatBudgetLeft,
  formatBurn,
  formatPercent,
  formatServiceTier,
  formatTarget,
  formatTime,
} from '@/lib/format';
import { OVERVIEW_FIRST_DIR, OVERVIEW_SORTS, type OverviewSort, overviewDir } from '@/lib/slo/overview-sort';
import { trendPoints } from '@/lib/slo/trend';
import { cn } from '@/lib/utils';
import { PhoneSort, SloCard, StatusCount } from './overview-parts';

type Option = { value: string; label: string };

/** How often the overview refreshes itself (SPEC 1.2: ~30 s). */
const REFRESH_MS = 30_000;

export function SloOverview({
  initial,
  initialKey,
  services,
  teams,
}: {
  initial: OverviewResult;
  initialKey: string;
  services: Option[];
  teams: Option[];
}) {
  const search = useSearchParams();
  const params = Object.fromEntries(search.entries());
  const key = JSON.stringify(params);
  const { data, isFetching, isError, failureCount, dataUpdatedAt, error, refetch } = useQuery({
    queryKey: ['slo-overview', key],
    queryFn: async (): Promise<OverviewResult> => {
      const res = await fetch(`/api/ui/slos?${search.toString()}`, { cache: 'no-store' });
      if (!res.ok) throw new Error(`Refresh failed (${res.status})`);
      return res.json();
    },
    initialData: key === initialKey ? initial : undefined,
    initialDataUpdatedAt: key === initialKey ? Date.parse(initial.asOf) : undefined,
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS,
    // Keep polling while the tab is in the background too: a wall screen must not freeze.
    refetchIntervalInBackground: true,
  });
  const result = data ?? initial;
  const { summary } = result;
  // A refresh that failed (and is being retried, or will be at the next interval) leaves the
  // numbers as of the last success: say so instead of "Live". A success clears it.
  const stale = isError || failureCount > 0;
  const lastGood = dataUpdatedAt || Date.parse(result.asOf);
  const sortKey = (params.sort && OVERVIEW_SORTS.find((s) => s === params.sort)) || undefined;
  const current = sortKey ? { key: sortKey, dir: overviewDir(sortKey, params.dir) } : undefined;
  const pageHref = (p: number) => {
    const next = new URLSearchParams(search.toString());
    next.set('page', String(p));
    return `?${next.toString()}`;
  };
  const header = (label: string, sort: OverviewSort, className?: string) => (
    <SortHeader
      label={label}
      sortKey={sort}
      params={params}
      firstDir={OVERVIEW_FIRST_DIR[sort]}
      current={current}
      className={className}
    />
  );
  return (
    <div className="grid grid-cols-1 gap-6">
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <SummaryCard label="SLOs" value={summary.total}>
          <span data-testid="status-counts">
            <StatusCount status="healthy" count={summary.byStatus.healthy} /> ·{' '}
            <StatusCount status="warning" count={summary.byStatus.warning} /> ·{' '}
            <StatusCount status="critical" count={summary.byStatus.critical} /> ·{' '}
            <StatusCount status="depleted" count={summary.byStatus.depleted} />
          </span>
        </SummaryCard>
        <SummaryCard
          label="Pages firing"
          value={summary.pagesFiring}
          tone={summary.pagesFiring > 0 ? 'text-depleted' : undefined}
        >
          <Link href="?status=firing" className="hover:underline">
            {summary.ticketsFiring} with ticket alerts
          </Link>
        </SummaryCard>
        <Card className="sm:col-span-2">
          <CardHeader>
            <CardDescription>Least budget left</CardDescription>
            <ul className="mt-1 grid min-w-0 grid-cols-1 gap-1 text-sm">
              {summary.worst.map((w) => (
                <li key={w.slug} className="flex flex-wrap items-center justify-between gap-x-2">
                  <Link href={`/slos/${w.slug}`} className="min-w-0 flex-1 basis-40 hover:underline">
                    {w.name}
                  </Link>
                  <span className="flex shrink-0 items-center gap-2 tabular-nums">
                    {w.remaining !== null && w.remaining < 0 ? (
                      <span className="font-medium text-depleted">
                        overspent by {formatPercent(-w.remaining, 1)}
                      </span>
                    ) : (
                      formatPercent(w.remaining, 1)
                    )}{' '}
                    <StatusBadge status={w.status} />
                  </span>
                </li>
              ))}
            </ul>
          </CardHeader>
        </Card>
      </div>

      <div>
        <div className="flex flex-wrap items-start justify-between gap-2">
          <UrlFilters
            placeholder="Search SLO, service, team or tag"
            selects={[
              { name: 'service', label: 'Service', options: services },
              { name: 'team', label: 'Team', options: teams },
              {
                name: 'tier',
                label: 'Service tier',
                options: [0, 1, 2, 3].map((t) => ({ value: String(t), label: formatServiceTier(t) })),
              },
              {
                name: 'status',
                label: 'Status',
                options: ['healthy', 'warning', 'critical', 'depleted', 'unknown', 'firing'].map((s) => ({
                  value: s,
                  label: s === 'firing' ? 'Alert firing' : s[0].toUpperCase() + s.slice(1),
                })),
              },
            ]}
          />
          <Button
            variant="ghost"
            size="sm"
            onClick={() => refetch()}
            aria-label={stale ? 'Refresh failed, retry now' : 'Refresh now'}
            data-testid="refresh-state"
            title={`Numbers as of ${formatTime(lastGood)} UTC`}
            className={cn(stale && 'text-[color-mix(in_oklch,var(--warning)_55%,black)] dark:text-warning')}
          >
            {stale ? (
              <AlertTriangle aria-hidden />
            ) : (
              <RefreshCw className={cn(isFetching && 'animate-spin')} aria-hidden />
            )}{' '}
            {stale ? 'Stale' : isFetching ? 'Refreshing' : 'Live'}
          </Button>
        </div>
        <div aria-live="polite" role="status">
          {stale && (
            <div
              className="mb-3 flex flex-wrap items-center gap-x-2 gap-y-1 rounded-lg border border-warning/60 bg-warning/15 px-3 py-2 text-sm"
              data-testid="stale-banner"
              title={error instanceof Error ? error.message : undefined}
            >
              <AlertTriangle className="size-4 shrink-0" aria-hidden />
              <span className="font-medium">Stale since {formatTime(lastGood)} UTC — retrying</span>
              <span className="text-muted-foreground">
                The last refresh failed; the numbers below are from {formatTime(lastGood)} UTC.
              </span>
            </div>
          )}
        </div>
        <PhoneSort current={current} />
        {result.rows.length === 0 ? (
          <EmptyState
            icon={Gauge}
            title={summary.total === 0 ? 'No SLOs yet' : 'No SLOs match these filters'}
          >
            {summary.total === 0
              ? 'Define an SLO for a service to start tracking its error budget.'
              : 'Clear the search or filters to see all SLOs.'}
          </EmptyState>
        ) : (
          <>
            {/* Phones get cards, wider screens the table: one is display:none, so never both in the accessibility tree. */}
            <ul className="grid grid-cols-1 gap-2 sm:hidden" data-testid="slo-cards" aria-label="SLOs">
              {result.rows.map((r) => (
                <SloCard key={r.slug} row={r} />
              ))}
            </ul>
            <div className="max-sm:hidden" data-testid="slo-table">
              {/* Compact cells and a shorter budget bar: all nine columns fit the page's
                  1,280 px frame without the table scrolling sideways. */}
              <Table className="[&_td]:px-2 [&_th]:px-2">
                <THead>
                  <tr>
                    {header('SLO', 'name')}
                    {header('Service', 'service')}
                    {header('Attainment', 'attainment', 'text-right')}
                    {header('Budget left', 'budget')}
                    {header('Status', 'status')}
                    {header('Burn 1h', 'burn', 'text-right')}
                    {header('6h', 'burn6h', 'text-right')}
                    <Th>Alerts</Th>
                    <Th className="max-2xl:hidden">30 days</Th>
                  </tr>
                </THead>
                <TBody>
                  {result.rows.map((r) => (
                    <Tr key={r.slug} data-testid="slo-row">
                      <Td className="max-w-64 min-w-40">
                        <Link href={`/slos/${r.slug}`} className="font-medium hover:underline">
                          {r.name}
                        </Link>
                        <div className="text-xs text-muted-foreground">
                          <span className="tabular-nums" title="Target">
                            {formatTarget(r.target)}
                          </span>{' '}
                          · {r.windowLabel} · {r.method}
                        </div>
                      </Td>
                      <Td>
                        <div>{r.serviceName}</div>
                        <div className="text-xs text-muted-foreground">
                          {r.teamName ?? '—'} ·{' '}
                          <span data-service-tier={r.tier}>{formatServiceTier(r.tier)}</span>
                        </div>
                      </Td>
                      <Td className="text-right tabular-nums">{formatPercent(r.attainment, 3)}</Td>
                      <Td data-col="budget">
                        <BudgetBar remaining={r.remaining} barClassName="w-14" />
                        <div className="mt-1 text-xs text-muted-foreground tabular-nums">
                          {formatBudgetLeft(r.budgetTotal, r.budgetConsumed, r.budgetUnit)}
                        </div>
                      </Td>
                      <Td>
                        <StatusBadge status={r.status} burn={r.pagingBurn} />
                      </Td>
                      <Td className="text-right tabular-nums" data-col="burn1h">
                        {formatBurn(r.burn1h)}
                      </Td>
                      <Td className="text-right tabular-nums" data-col="burn6h">
                        {formatBurn(r.burn6h)}
                      </Td>
                      <Td>
                        <div className="flex flex-wrap gap-1">
                          {r.firing.map((f) => (
                            <AlertBadge key={f.tier} tier={f.tier} severity={f.severity} />
                          ))}
                        </div>
                      </Td>
                      <Td className="max-2xl:hidden">
                        <Sparkline points={trendPoints(r)} status={r.status} width={96} />
                      </Td>
                    </Tr>
                  ))}
                </TBody>
              </Table>
            </div>
          </>
        )}
        <div className="mt-3 flex flex-wrap items-center justify-between gap-2 text-xs text-muted-foreground">
          <span>
            {result.matched} of {summary.total} SLOs
          </span>
          {result.pages > 1 && (
            <span className="flex items-center gap-2">
              {result.page > 1 && <Link href={pageHref(result.page - 1)}>← Previous</Link>}
              Page {result.page} of {result.pages}
              {result.page < result.pages && <Link href={pageHref(result.page + 1)}>Next →</Link>}
            </span>
          )}
        </div>
      </div>
    </div>
  );
}

function SummaryCard({
  label,
  value,
  tone,
  children,
}: {
  label: string;
  value: number;
  tone?: string;
  children: React.ReactNode;
}) {
  return (
    <Card>
      <CardHeader>
        <CardDescription>{label}</CardDescription>
        <CardTitle className={cn('text-3xl tabular-nums', tone)}>{value}</CardTitle>
        <div className="text-xs text-muted-foreground">{children}</div>
      </CardHeader>
    </Card>
  );
}
