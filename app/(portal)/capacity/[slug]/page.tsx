import { Pencil } from 'lucide-react';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { resourceForecast } from '@/db/capacity/forecasts';
import { hasRole } from '@/lib/auth/roles';
import { DAY_MS } from '@/lib/capacity/series';
import { MODEL_LABELS } from '@/lib/capacity/types';
import { requirePageUser } from '@/server/guard';
import { CapacityStatusBadge } from '../status-badge';
import { type DetailModel, ResourceDetail } from './client';

export const metadata = { title: 'Capacity resource' };
export const dynamic = 'force-dynamic';

/** History shown on the chart, and how far the forecast is drawn. */
const CHART_HISTORY_DAYS = 120;
const CHART_FORECAST_DAYS = 90;

export default async function ResourcePage({ params }: { params: Promise<{ slug: string }> }) {
  const user = await requirePageUser();
  const forecast = await resourceForecast(await getDb(), (await params).slug);
  if (!forecast) notFound();
  const { resource: r, analysis: a, status, scenarios } = forecast;
  const lastDay = a.lastDay ? Date.parse(a.lastDay) : 0;
  const models: DetailModel[] = a.models.map((m) => {
    const score = a.backtest?.scores.find((s) => s.kind === m.kind) ?? null;
    return {
      kind: m.kind,
      label: MODEL_LABELS[m.kind],
      describe: m.describe,
      score,
      exhaustion: m.exhaustion,
      exhaustionUpper: m.exhaustionUpper,
      required: m.required,
      scenarios: m.scenarios.map((s, i) => ({ ...s, id: scenarios[i].id })),
      points: m.points.slice(0, a.todayOffset + CHART_FORECAST_DAYS).map((p) => ({
        t: lastDay + p.day * DAY_MS,
        mean: p.mean,
        lower: p.lower,
        upper: p.upper,
      })),
    };
  });
  const history = a.history
    .slice(-CHART_HISTORY_DAYS)
    .map((h) => ({ t: Date.parse(h.date), value: h.value }));
  return (
    <>
      <PageHeader
        title={r.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <CapacityStatusBadge status={status} />
            <span>
              {r.serviceName} · {r.instances} × {r.capacityPerInstance} {r.unit} at{' '}
              {Math.round(r.targetUtilisation * 100)}% target, N+{r.redundancy}, lead time {r.leadTimeDays}{' '}
              days
            </span>
          </span>
        }
        crumbs={[{ label: 'Capacity', href: '/capacity' }, { label: r.name }]}
        actions={
          hasRole(user.role, 'engineer') && (
            <Button asChild variant="outline">
              <Link href={`/capacity/${r.slug}/edit`}>
                <Pencil aria-hidden /> Edit
              </Link>
            </Button>
          )
        }
      />
      <ResourceDetail
        slug={r.slug}
        unit={r.unit}
        capacity={r.instances * r.capacityPerInstance}
        usable={a.usable}
        current={a.current}
        lastDay={a.lastDay}
        history={history}
        models={models}
        defaultModel={a.defaultModel}
        backtest={a.backtest ? { holdoutDays: a.backtest.holdoutDays, metric: a.backtest.metric } : null}
        canEdit={hasRole(user.role, 'engineer')}
        promQuery={r.promQuery}
        promSyncError={r.promSyncError}
      />
    </>
  );
}
