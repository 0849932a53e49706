import { Gauge } from 'lucide-react';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { TierBadge } from '@/components/catalog/tier-badge';
import { ConfirmDelete } from '@/components/forms/confirm-delete';
import { BudgetBar } from '@/components/slo/budget-bar';
import { AlertBadge, StatusBadge } from '@/components/slo/status-badge';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { getServiceBySlug } from '@/db/catalog/services';
import { listTeams } from '@/db/catalog/teams';
import { getIncidentMode } from '@/db/incidents/slo-alerts';
import { loadOverview } from '@/db/slo/api';
import { hasRole } from '@/lib/auth/roles';
import { formatBurn, formatTarget } from '@/lib/format';
import { SLO_ALERT_NAMES } from '@/lib/runbooks/alerts';
import { requirePageUser } from '@/server/guard';
import { setIncidentModeAction } from '../../../incidents/actions';
import { RunbookLinks } from '../../../runbooks/runbook-links';
import { deleteServiceAction, updateServiceAction } from '../actions';
import { ServiceForm } from '../service-form';
import { IncidentModeForm } from './incident-mode';

export default async function ServicePage({ params }: { params: Promise<{ slug: string }> }) {
  const user = await requirePageUser();
  const { slug } = await params;
  const db = await getDb();
  const service = await getServiceBySlug(db, slug);
  if (!service) notFound();
  const canEdit = hasRole(user.role, 'engineer');
  const [teams, overview] = await Promise.all([
    canEdit ? listTeams(db) : Promise.resolve([]),
    loadOverview(db, { service: service.slug, pageSize: 200 }),
  ]);
  const slos = overview.rows;
  return (
    <>
      <PageHeader
        title={service.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span className="font-mono">{service.slug}</span>
            <TierBadge tier={service.tier} />
            {service.teamSlug ? (
              <span>
                owned by{' '}
                <Link
                  href={`/catalog/teams/${service.teamSlug}`}
                  className="underline-offset-2 hover:underline"
                >
                  {service.teamName}
                </Link>
              </span>
            ) : (
              <span>no owner team</span>
            )}
          </span>
        }
        crumbs={[
          { label: 'Catalog' },
          { label: 'Services', href: '/catalog/services' },
          { label: service.name },
        ]}
        actions={
          hasRole(user.role, 'admin') && (
            <ConfirmDelete
              action={deleteServiceAction}
              id={service.id}
              what={`service ${service.name}`}
              redirectTo="/catalog/services"
            />
          )
        }
      />

      <Card className="mb-6" data-testid="service-slos">
        <CardHeader>
          <CardTitle>SLOs</CardTitle>
          <CardDescription>
            Error budget and status of every SLO of this service, least budget first.
          </CardDescription>
        </CardHeader>
        <CardContent>
          {slos.length === 0 ? (
            <EmptyState icon={Gauge} title="No SLOs yet">
              {canEdit ? (
                <Link href="/slos/new" className="text-primary hover:underline">
                  Define the first SLO for this service
                </Link>
              ) : (
                'This service has no service level objectives.'
              )}
            </EmptyState>
          ) : (
            <ul className="divide-y">
              {slos.map((s) => (
                <li
                  key={s.slug}
                  className="flex flex-wrap items-center gap-x-4 gap-y-1 py-2.5"
                  data-testid="service-slo"
                >
                  <Link
                    href={`/slos/${s.slug}`}
                    className="min-w-0 flex-1 basis-48 font-medium hover:underline"
                  >
                    {s.name}
                    <span className="block text-xs font-normal text-muted-foreground">
                      {formatTarget(s.target)} over {s.windowLabel}
                    </span>
                  </Link>
                  <StatusBadge status={s.status} />
                  {s.firing.map((f) => (
                    <AlertBadge key={`${f.tier}-${f.severity}`} severity={f.severity} tier={f.tier} />
                  ))}
                  <BudgetBar remaining={s.remaining} />
                  <span
                    className="text-sm tabular-nums text-muted-foreground"
                    title="Burn rate over the last hour"
                  >
                    burn {formatBurn(s.burn1h)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>

      {hasRole(user.role, 'admin') && (
        <Card className="mb-6">
          <CardHeader>
            <CardTitle>Incidents from SLO alerts</CardTitle>
          </CardHeader>
          <CardContent>
            <IncidentModeForm
              action={setIncidentModeAction}
              serviceId={service.id}
              mode={await getIncidentMode(db, service.id)}
            />
          </CardContent>
        </Card>
      )}
      {canEdit ? (
        <section aria-labelledby="edit-service">
          <h2 id="edit-service" className="mb-3 text-base font-semibold">
            Edit service
          </h2>
          <ServiceForm action={updateServiceAction} teams={teams} service={service} />
        </section>
      ) : (
        <Card data-testid="service-details">
          <CardHeader>
            <CardTitle>About</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[10rem_1fr]">
              <dt className="text-muted-foreground">Description</dt>
              <dd>{service.description || <span className="text-muted-foreground">—</span>}</dd>
              <dt className="text-muted-foreground">Tier</dt>
              <dd>
                <TierBadge tier={service.tier} />
              </dd>
              <dt className="text-muted-foreground">Owner</dt>
              <dd>{service.teamName ?? '—'}</dd>
              <dt className="text-muted-foreground">Tags</dt>
              <dd className="flex flex-wrap gap-1">
                {service.tags.length
                  ? service.tags.map((t) => (
                      <Badge key={t} variant="outline">
                        {t}
                      </Badge>
                    ))
                  : '—'}
              </dd>
            </dl>
          </CardContent>
        </Card>
      )}
      <RunbookLinks
        serviceId={service.id}
        serviceSlug={service.slug}
        alertNames={SLO_ALERT_NAMES}
        className="mt-6 max-w-2xl"
      />
    </>
  );
}

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }) {
  return { title: (await params).slug };
}
