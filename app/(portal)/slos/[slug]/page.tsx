import { BookOpen, Pencil } from 'lucide-react';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { BurndownChart, BurnRateChart, SliChart } from '@/components/charts';
import { StatTile } from '@/components/data/stat-tile';
import { ConfirmDelete } from '@/components/forms/confirm-delete';
import { AlertBadge, StatusBadge } from '@/components/slo/status-badge';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { incidentAnnotationsForSlo } from '@/db/incidents/annotations';
import { getSyncState } from '@/db/interop/prometheus-sync';
import { alertHistory } from '@/db/slo/alert-history';
import { recentGateDecisions, sloStatusBySlug } from '@/db/slo/api';
import { listCorrections } from '@/db/slo/corrections';
import { sloSeries } from '@/db/slo/series';
import { prometheusQueries } from '@/db/slo/slos';
import { hasRole } from '@/lib/auth/roles';
import { NotFoundError } from '@/lib/errors';
import { formatBudgetLeft, formatPercent, formatTarget } from '@/lib/format';
import { SLO_ALERT_NAMES } from '@/lib/runbooks/alerts';
import { single } from '@/lib/search-params';
import { alertTierLabel } from '@/lib/slo/alerts';
import { calendarBudgetNote, describeExhaustion, exhaustionHorizonMinutes } from '@/lib/slo/explain';
import { cn } from '@/lib/utils';
import { pageContext } from '@/server/guard';
import { SloIncidentBanner } from '../../incidents/slo-banner';
import { RunbookLinks } from '../../runbooks/runbook-links';
import { deleteSloAction } from './actions';
import { AlertHistory } from './alert-history';
import { AlertTable } from './alert-table';
import { CorrectionForm, DeleteCorrection } from './client';
import { RANGES, rangeBounds } from './range';
import { SourceCard } from './source-card';

const fmt = (d: Date) => d.toISOString().replace('T', ' ').slice(0, 16);

export default async function SloDetailPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { db, user } = await pageContext();
  const { slug } = await params;
  const query = single(await searchParams);
  const view = await sloStatusBySlug(db, slug).catch((err) => {
    if (err instanceof NotFoundError) notFound();
    throw err;
  });
  const range = rangeBounds(query.range, view.range.start, view.range.end);
  const [series, corrections, decisions, syncState, history] = await Promise.all([
    sloSeries(db, view, range.from, range.to),
    listCorrections(db, view.slo.id),
    recentGateDecisions(db, view.slo.id, 8),
    getSyncState(db, view.slo.id),
    alertHistory(db, view.slo.id, undefined, undefined, 50),
  ]);
  const horizon = exhaustionHorizonMinutes(
    view.window,
    new Date(),
    view.range.periodEnd,
    view.range.fullLengthMinutes,
  );
  const annotations = history
    .filter((e) => e.at.getTime() >= range.from.getTime() && e.at.getTime() <= range.to.getTime())
    .map((e) => ({
      t: e.at.getTime(),
      label: `${alertTierLabel(e.tier, e.severity)} ${e.state}`,
      state: e.state,
    }));
  const { slo, budget } = view;
  const canEdit = hasRole(user.role, 'engineer');
  const chartCorrections = view.corrections.map((c) => ({ start: c.start.getTime(), end: c.end.getTime() }));
  const feature = view.gate.feature;
  const incidentList = await incidentAnnotationsForSlo(db, view.slo.id, range.from, range.to);
  const incidentNotes = incidentList.map((i) => ({
    t: i.startedAt.getTime(),
    label: `INC-${i.number}`,
  }));

  return (
    <>
      <PageHeader
        title={slo.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Link href={`/catalog/services/${slo.serviceSlug}`} className="hover:underline">
              {slo.serviceName}
            </Link>
            <span>·</span>
            <span>{view.windowLabel}</span>
            <span>·</span>
            <span>{slo.budgetingMethod}</span>
            <StatusBadge status={view.status} burn={view.pagingBurn} />
            {view.firing.map((a) => (
              <AlertBadge key={a.tier} tier={a.tier} severity={a.severity} />
            ))}
          </span>
        }
        crumbs={[{ label: 'SLOs', href: '/slos' }, { label: slo.serviceName }, { label: slo.name }]}
        actions={
          <>
            {slo.runbookUrl && (
              <Button asChild variant="outline" size="sm">
                <a href={slo.runbookUrl} target="_blank" rel="noreferrer">
                  <BookOpen aria-hidden /> Runbook
                </a>
              </Button>
            )}
            {canEdit && (
              <Button asChild variant="outline" size="sm">
                <Link href={`/slos/${slo.slug}/edit`}>
                  <Pencil aria-hidden /> Edit
                </Link>
              </Button>
            )}
            {hasRole(user.role, 'admin') && (
              <ConfirmDelete
                action={deleteSloAction}
                id={slo.id}
                what={`SLO ${slo.name}`}
                redirectTo="/slos"
              />
            )}
          </>
        }
      />
      <SloIncidentBanner sloId={slo.id} canEdit={canEdit} />

      <div className="mb-6 grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-5">
        <StatTile
          label="Target"
          value={formatTarget(slo.target)}
          sub={
            slo.budgetingMethod === 'timeslices'
              ? `per-minute target ${formatTarget(slo.timesliceTarget ?? 0)}`
              : slo.sliKind === 'latency'
                ? `under ${slo.latencyThresholdMs} ms`
                : 'good ÷ total events'
          }
        />
        <StatTile
          label="Attainment"
          value={formatPercent(budget.attainment, 3)}
          sub={`${fmt(view.range.start)} → now (UTC)`}
          testId="tile-attainment"
        />
        <StatTile
          label="Budget remaining"
          value={formatPercent(budget.remaining, 1)}
          sub={
            calendarBudgetNote(view.window, budget, view.range.start) ??
            formatBudgetLeft(budget.budgetTotal, budget.budgetConsumed, budget.unit)
          }
          tone={budget.remaining !== null && budget.remaining <= 0.05 ? 'text-depleted' : undefined}
          testId="tile-budget"
        />
        <StatTile
          label="Time to exhaustion"
          value={describeExhaustion(view.timeToExhaustionMinutes, horizon)}
          sub={
            view.exhaustsBeyondWindow
              ? 'at the 1h burn rate the budget outlasts the window'
              : 'at the 1h burn rate'
          }
          testId="tile-exhaustion"
        />
        <Card data-testid="tile-gate">
          <CardHeader>
            <CardDescription>Deploy gate</CardDescription>
            <CardTitle
              className={cn(
                'text-lg',
                view.status === 'unknown' && !view.pagingBurn
                  ? 'text-muted-foreground'
                  : feature.allowed
                    ? 'text-healthy'
                    : 'text-depleted',
              )}
            >
              {view.status === 'unknown' && !view.pagingBurn
                ? 'No data yet'
                : feature.allowed
                  ? 'Features may ship'
                  : view.pagingBurn !== null
                    ? 'Feature freeze: fast burn'
                    : 'Feature freeze'}
            </CardTitle>
            <p className="text-xs text-muted-foreground">{feature.reason}</p>
          </CardHeader>
        </Card>
      </div>

      <RunbookLinks
        serviceId={slo.serviceId}
        serviceSlug={slo.serviceSlug}
        alertNames={SLO_ALERT_NAMES}
        className="mb-6"
      />
      <nav className="mb-4 flex gap-1" aria-label="Time range">
        {RANGES.map((r) => (
          <Link
            key={r.value}
            href={`?range=${r.value}`}
            scroll={false}
            aria-current={range.value === r.value ? 'true' : undefined}
            className={cn(
              'rounded-md px-3 py-1 text-sm hover:bg-accent',
              range.value === r.value && 'bg-accent font-medium',
            )}
          >
            {r.label}
          </Link>
        ))}
      </nav>

      <div className="mb-6 grid gap-4 lg:grid-cols-2">
        <ChartCard title="SLI" description="Attainment per bucket against the target; shaded: corrections.">
          <SliChart
            points={series.sli}
            target={slo.target}
            corrections={chartCorrections}
            annotations={[...annotations.filter((a) => a.state !== 'suppressed'), ...incidentNotes]}
          />
        </ChartCard>
        <ChartCard
          title="Error-budget burndown"
          description="Budget remaining over the window, against the ideal linear burn."
        >
          <BurndownChart points={series.burndown} corrections={chartCorrections} />
        </ChartCard>
        <ChartCard
          title="Burn rate by alert tier"
          description="The burn each tier evaluates (the lower of its two windows) against its factor: above the line means firing. Vertical marks: alert state changes."
          className="lg:col-span-2"
        >
          <BurnRateChart
            points={series.tierBurn}
            corrections={chartCorrections}
            annotations={annotations}
            tiers={view.alerts.map((a) => ({
              tier: a.tier,
              severity: a.severity,
              factor: a.factor,
              long: a.long,
              short: a.short,
            }))}
          />
        </ChartCard>
      </div>

      <Card className="mb-6">
        <CardHeader>
          <CardTitle>Multi-window burn-rate alerts</CardTitle>
          <CardDescription>
            An alert fires when both its long and short windows burn above its factor
            {slo.alertMinEvents ? `, with at least ${slo.alertMinEvents} events in the long window` : ''}.
            Windows scale with the {view.alertWindowDays}-day window; the factors do not.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <AlertTable alerts={view.alerts} horizonMinutes={horizon} />
        </CardContent>
      </Card>

      <AlertHistory history={history} incidents={incidentList} slug={slo.slug} />

      <div className="mb-4">
        <SourceCard
          slug={slo.slug}
          sourceType={slo.sourceType}
          queries={prometheusQueries(slo)}
          state={syncState}
          canSync={canEdit}
        />
      </div>

      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Corrections</CardTitle>
            <CardDescription>
              Maintenance windows excluded from every number ({view.correctedMinutes} min in this window).
            </CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4">
            {corrections.length === 0 ? (
              <p className="text-sm text-muted-foreground">No corrections.</p>
            ) : (
              <ul className="divide-y rounded-md border text-sm" data-testid="corrections">
                {corrections.map((c) => (
                  <li key={c.id} className="flex items-center justify-between gap-2 px-3 py-2">
                    <div>
                      <div className="tabular-nums">
                        {fmt(c.startsAt)} → {fmt(c.endsAt)} UTC
                      </div>
                      <div className="text-muted-foreground">
                        {c.reason} · {c.createdByLabel}
                      </div>
                    </div>
                    {canEdit && <DeleteCorrection slug={slo.slug} id={c.id} />}
                  </li>
                ))}
              </ul>
            )}
            {canEdit && <CorrectionForm slug={slo.slug} />}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Policy and deploy gate</CardTitle>
            <CardDescription>
              <code className="text-xs">GET /api/v1/slos/{slo.slug}/gate?change=feature</code>
            </CardDescription>
          </CardHeader>
          <CardContent className="grid gap-3 text-sm">
            <div className="flex flex-wrap gap-2">
              {(['feature', 'fix', 'emergency'] as const).map((c) => (
                <Badge key={c} variant={view.gate[c].allowed ? 'healthy' : 'depleted'}>
                  {c}: {view.gate[c].allowed ? 'allowed' : 'refused'}
                </Badge>
              ))}
            </div>
            <h4 className="font-medium">Recent decisions</h4>
            {decisions.length === 0 ? (
              <p className="text-muted-foreground">Nobody has asked the gate yet.</p>
            ) : (
              <ul className="grid gap-1" data-testid="gate-decisions">
                {decisions.map((d) => (
                  <li key={d.id} className="flex justify-between gap-2">
                    <span>
                      <Badge variant={d.allowed ? 'healthy' : 'depleted'}>{d.allowed ? '200' : '423'}</Badge>{' '}
                      {d.change} by {d.askedBy}
                    </span>
                    <span className="text-muted-foreground tabular-nums">{fmt(d.at)}</span>
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
      </div>
    </>
  );
}

function ChartCard({
  title,
  description,
  className,
  children,
}: {
  title: string;
  description: string;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <Card className={className}>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardContent>{children}</CardContent>
    </Card>
  );
}

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }) {
  return { title: (await params).slug };
}
