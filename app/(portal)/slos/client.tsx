'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Gauge, RefreshCw } from 'lucide-react';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { Sparkline } from '@/components/charts/sparkline';
import { SortHeader } from '@/components/data/sort-header';
import { UrlFilters } from '@/components/data/url-filters';
import { AlertBadge, StatusBadge } from '@/components/slo/status-badge';
import { Button } from '@/components/ui/button';
import { Card, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Table, TBody, Td, THead, Th, Tr } from '@/components/ui/table';
import type { OverviewResult } from '@/db/slo/overview';
import { formatBudgetLeft, formatBurn, formatPercent, formatTarget } from '@/lib/format';
import { cn } from '@/lib/utils';

type Option = { value: string; label: string };

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
  const { data, isFetching, dataUpdatedAt, refetch } = useQuery({
    queryKey: ['slo-overview', key],
    queryFn: async (): Promise<OverviewResult> => {
      const res = await fetch(`/api/ui/slos?${search.toString()}`, { cache: 'no-store' });
      if (!res.ok) throw new Error(`Refresh failed (${res.status})`);
      return res.json();
    },
    initialData: key === initialKey ? initial : undefined,
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  });
  const result = data ?? initial;
  const { summary } = result;
  const pageHref = (p: number) => {
    const next = new URLSearchParams(search.toString());
    next.set('page', String(p));
    return `?${next.toString()}`;
  };
  return (
    <div className="grid grid-cols-1 gap-6">
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <SummaryCard label="SLOs" value={summary.total}>
          <span className="text-healthy">{summary.byStatus.healthy} healthy</span> ·{' '}
          <span>{summary.byStatus.warning} warning</span> ·{' '}
          <span className="text-critical">{summary.byStatus.critical} critical</span> ·{' '}
          <span className="text-depleted">{summary.byStatus.depleted} depleted</span>
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
                <li key={w.slug} className="flex items-center justify-between gap-2">
                  <Link href={`/slos/${w.slug}`} className="min-w-0 truncate hover:underline">
                    {w.name}
                  </Link>
                  <span className="flex shrink-0 items-center gap-2 tabular-nums">
                    {formatPercent(w.remaining, 1)} <StatusBadge status={w.status} />
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
            placeholder="Search SLO or service"
            selects={[
              { name: 'service', label: 'Service', options: services },
              { name: 'team', label: 'Team', options: teams },
              {
                name: 'tier',
                label: 'Tier',
                options: [0, 1, 2, 3].map((t) => ({ value: String(t), label: `Tier ${t}` })),
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
            aria-label="Refresh now"
            title={`Numbers as of ${new Date(result.asOf).toLocaleTimeString()}, fetched ${new Date(dataUpdatedAt || Date.now()).toLocaleTimeString()}`}
          >
            <RefreshCw className={cn(isFetching && 'animate-spin')} aria-hidden />{' '}
            {isFetching ? 'Refreshing' : 'Live'}
          </Button>
        </div>
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
          <Table>
            <THead>
              <tr>
                <SortHeader label="SLO" sortKey="name" params={params} />
                <SortHeader label="Service" sortKey="service" params={params} />
                <Th className="text-right">Target</Th>
                <SortHeader label="Attainment" sortKey="attainment" params={params} className="text-right" />
                <SortHeader label="Budget left" sortKey="budget" params={params} />
                <SortHeader label="Status" sortKey="status" params={params} />
                <SortHeader label="Burn 1h" sortKey="burn" params={params} className="text-right" />
                <Th className="text-right">6h</Th>
                <Th>Alerts</Th>
                <Th>30 days</Th>
              </tr>
            </THead>
            <TBody>
              {result.rows.map((r) => (
                <Tr key={r.slug} data-testid="slo-row">
                  <Td className="max-w-64">
                    <Link href={`/slos/${r.slug}`} className="font-medium hover:underline">
                      {r.name}
                    </Link>
                    <div className="text-xs text-muted-foreground">
                      {r.windowLabel} · {r.method}
                    </div>
                  </Td>
                  <Td>
                    <div>{r.serviceName}</div>
                    <div className="text-xs text-muted-foreground">
                      {r.teamName ?? '—'} · T{r.tier}
                    </div>
                  </Td>
                  <Td className="text-right tabular-nums">{formatTarget(r.target)}</Td>
                  <Td className="text-right tabular-nums">{formatPercent(r.attainment, 3)}</Td>
                  <Td>
                    <BudgetBar remaining={r.remaining} />
                    <div className="mt-1 text-xs text-muted-foreground tabular-nums">
                      {formatBudgetLeft(r.budgetTotal, r.budgetConsumed, r.budgetUnit)}
                    </div>
                  </Td>
                  <Td>
                    <StatusBadge status={r.status} burn={r.pagingBurn} />
                  </Td>
                  <Td className="text-right tabular-nums">{formatBurn(r.burn1h)}</Td>
                  <Td className="text-right tabular-nums">{formatBurn(r.burn6h)}</Td>
                  <Td>
                    <div className="flex flex-wrap gap-1">
                      {r.firing.map((f) => (
                        <AlertBadge key={f.tier} tier={f.tier} severity={f.severity} />
                      ))}
                    </div>
                  </Td>
                  <Td>
                    <Sparkline points={r.trend} status={r.status} />
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
        <div className="mt-3 flex items-center justify-between text-xs text-muted-foreground">
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

export function BudgetBar({ remaining }: { remaining: number | null }) {
  const pct = remaining === null ? 0 : Math.max(0, Math.min(1, remaining)) * 100;
  const color =
    remaining === null
      ? 'bg-muted-foreground'
      : remaining > 0.5
        ? 'bg-healthy'
        : remaining > 0.25
          ? 'bg-warning'
          : remaining > 0.05
            ? 'bg-critical'
            : 'bg-depleted';
  return (
    <div className="flex items-center gap-2">
      <div className="h-1.5 w-20 overflow-hidden rounded-full bg-muted" aria-hidden>
        <div className={cn('h-full rounded-full', color)} style={{ width: `${pct}%` }} />
      </div>
      <span className="text-sm tabular-nums">{formatPercent(remaining, 1)}</span>
    </div>
  );
}
