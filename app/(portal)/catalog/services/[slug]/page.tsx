import { notFound } from 'next/navigation';
import { ConfirmDelete } from '@/components/forms/confirm-delete';
import { Badge } from '@/components/ui/badge';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { getServiceBySlug } from '@/db/catalog/services';
import { listTeams } from '@/db/catalog/teams';
import { hasRole } from '@/lib/auth/roles';
import { SLO_ALERT_NAMES } from '@/lib/runbooks/alerts';
import { requirePageUser } from '@/server/guard';
import { RunbookLinks } from '../../../runbooks/runbook-links';
import { deleteServiceAction, updateServiceAction } from '../actions';
import { ServiceForm } from '../service-form';

export default async function ServicePage({ params }: { params: Promise<{ slug: string }> }) {
  const user = await requirePageUser();
  const { slug } = await params;
  const db = await getDb();
  const [service, teams] = await Promise.all([getServiceBySlug(db, slug), listTeams(db)]);
  if (!service) notFound();
  const canEdit = hasRole(user.role, 'engineer');
  return (
    <>
      <PageHeader
        title={service.name}
        description={
          <span className="flex items-center gap-2">
            <span className="font-mono">{service.slug}</span>
            <Badge>Tier {service.tier}</Badge>
            {service.teamName && <span>owned by {service.teamName}</span>}
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
      {!canEdit && (
        <p className="mb-4 rounded-md bg-muted px-3 py-2 text-sm text-muted-foreground">
          You have read-only access. Engineers and admins can edit services.
        </p>
      )}
      <ServiceForm action={updateServiceAction} teams={teams} service={service} readOnly={!canEdit} />
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
