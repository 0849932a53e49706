import { ArrowRight, CheckCircle2 } from 'lucide-react';
import Link from 'next/link';
import { StatTile } from '@/components/data/stat-tile';
import { BudgetBar } from '@/components/slo/budget-bar';
import { AlertBadge, StatusBadge } from '@/components/slo/status-badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { loadOverview } from '@/db/slo/api';
import type { OverviewRow } from '@/db/slo/overview';
import { loadToilReport } from '@/db/toil/report';
import { formatBurn, formatPercent } from '@/lib/format';
import { type SloStatus, STATUS_LABELS } from '@/lib/slo/policy';
import { parseRange } from '@/lib/toil/periods';
import { requirePageUser } from '@/server/guard';

export const metadata = { title: 'Home' };

const STATUS_ORDER: SloStatus[] = ['depleted', 'critical', 'warning', 'healthy', 'unknown'];

/** Home answers "what needs me now": firing alerts first, then budgets, gates and toil. */
export default async function HomePage() {
  const user = await requirePageUser();
  const db = await getDb();
  const today = new Date().toISOString().slice(0, 10);
  const [overview, toil] = await Promise.all([
    loadOverview(db, { pageSize: 10_000 }),
    loadToilReport(db, { range: parseRange(undefined, undefined, today) }),
  ]);
  const rows = overview.rows;
  const firing = (severity: 'page' | 'ticket') =>
    rows.filter((r) => r.firing.some((f) => f.severity === severity));
  const pages = firing('page');
  const tickets = firing('ticket').filter((r) => !pages.includes(r));
  const worst = rows
    .filter((r) => r.remaining !== null)
    .sort((a, b) => (a.remaining ?? 1) - (b.remaining ?? 1))
    .slice(0, 5);
  const frozen = rows.filter((r) => r.status === 'depleted');
  const overCap = toil.teams.filter((t) => t.overCap);
  return (
    <>
      <PageHeader
        title={`Welcome, ${user.name.split(' ')[0]}`}
        description="What needs attention now: firing alerts, budgets running out, frozen deploys and toil over the cap."
      />
      <div className="mb-6 grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <StatTile
          label="Pages firing"
          value={pages.length}
          tone={pages.length ? 'text-depleted' : undefined}
          sub="page-severity burn-rate alerts"
          testId="home-pages"
        />
        <StatTile
          label="Tickets firing"
          value={tickets.length}
          tone={tickets.length ? 'text-warning' : undefined}
          sub="ticket-severity alerts, no page"
        />
        <StatTile
          label="Feature freezes"
          value={frozen.length}
          tone={frozen.length ? 'text-depleted' : undefined}
          sub="SLOs with their error budget spent"
        />
        <StatTile
          label="Teams over the toil cap"
          value={overCap.length}
          tone={overCap.length ? 'text-depleted' : undefined}
          sub={`cap ${formatPercent(toil.cap, 0)} of capacity`}
        />
      </div>

      <div className="grid gap-4 lg:grid-cols-2">
        <Card data-testid="home-firing">
          <CardHeader>
            <CardTitle>Firing alerts</CardTitle>
            <CardDescription>Pages first, then tickets.</CardDescription>
          </CardHeader>
          <CardContent>
            {pages.length + tickets.length === 0 ? (
              <p className="flex items-center gap-2 text-sm text-muted-foreground">
                <CheckCircle2 className="size-4 text-healthy" aria-hidden /> No burn-rate alert is firing.
              </p>
            ) : (
              <SloList rows={[...pages, ...tickets]} />
            )}
          </CardContent>
        </Card>
        <Card data-testid="home-worst">
          <CardHeader>
            <CardTitle>Least budget left</CardTitle>
            <CardDescription>The five SLOs closest to running out.</CardDescription>
          </CardHeader>
          <CardContent>
            <SloList rows={worst} />
          </CardContent>
        </Card>
        <Card data-testid="home-status">
          <CardHeader>
            <CardTitle>SLOs by status</CardTitle>
            <CardDescription>{overview.summary.total} SLOs in all.</CardDescription>
          </CardHeader>
          <CardContent>
            <ul className="flex flex-wrap gap-2">
              {STATUS_ORDER.map((s) => (
                <li key={s}>
                  <Link
                    href={`/slos?status=${s}`}
                    className="inline-flex items-center gap-2 rounded-md border px-2.5 py-1.5 text-sm hover:bg-accent"
                  >
                    <StatusBadge status={s} muted={overview.summary.byStatus[s] === 0} />
                    <span className="tabular-nums" data-count={overview.summary.byStatus[s]}>
                      {overview.summary.byStatus[s]}
                    </span>
                    <span className="sr-only">{STATUS_LABELS[s]} SLOs</span>
                  </Link>
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>
        <Card data-testid="home-toil">
          <CardHeader>
            <CardTitle>Toil over the cap</CardTitle>
            <CardDescription>
              Teams whose toil share is above {formatPercent(toil.cap, 0)} this period.
            </CardDescription>
          </CardHeader>
          <CardContent>
            {overCap.length === 0 ? (
              <p className="text-sm text-muted-foreground">Every team is within the cap.</p>
            ) : (
              <ul className="divide-y">
                {overCap.map((t) => (
                  <li key={t.id} className="flex items-center justify-between gap-3 py-2 text-sm">
                    <Link href={`/toil/reports?team=${t.slug}`} className="font-medium hover:underline">
                      {t.name}
                    </Link>
                    <span className="tabular-nums text-depleted">{formatPercent(t.fraction, 1)}</span>
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
      </div>
      <p className="mt-6">
        <Link href="/slos" className="inline-flex items-center gap-1 text-sm text-primary hover:underline">
          All SLOs <ArrowRight className="size-3.5" aria-hidden />
        </Link>
      </p>
    </>
  );
}

function SloList({ rows }: { rows: OverviewRow[] }) {
  return (
    <ul className="divide-y">
      {rows.map((r) => (
        <li key={r.slug} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2 text-sm">
          <Link href={`/slos/${r.slug}`} className="min-w-0 flex-1 basis-40 font-medium hover:underline">
            {r.name}
            <span className="block text-xs font-normal text-muted-foreground">{r.serviceName}</span>
          </Link>
          {r.firing.map((f) => (
            <AlertBadge key={`${f.tier}-${f.severity}`} severity={f.severity} tier={f.tier} />
          ))}
          <StatusBadge status={r.status} />
          <BudgetBar remaining={r.remaining} />
          <span className="tabular-nums text-muted-foreground">{formatBurn(r.burn1h)}</span>
        </li>
      ))}
    </ul>
  );
}
