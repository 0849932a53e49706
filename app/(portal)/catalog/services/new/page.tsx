import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { listTeams } from '@/db/catalog/teams';
import { requirePageUser } from '@/server/guard';
import { createServiceAction } from '../actions';
import { ServiceForm } from '../service-form';

export const metadata = { title: 'New service' };

export default async function NewServicePage() {
  await requirePageUser('engineer');
  const teams = await listTeams(await getDb());
  return (
    <>
      <PageHeader
        title="New service"
        crumbs={[{ label: 'Catalog' }, { label: 'Services', href: '/catalog/services' }, { label: 'New' }]}
      />
      <ServiceForm action={createServiceAction} teams={teams} />
    </>
  );
}
