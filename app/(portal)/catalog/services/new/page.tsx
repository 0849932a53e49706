import { PageHeader } from '@/components/ui/page-header';
import { listTeams } from '@/db/catalog/teams';
import { pageContext } from '@/server/guard';
import { createServiceAction } from '../actions';
import { ServiceForm } from '../service-form';

export const metadata = { title: 'New service' };

export default async function NewServicePage() {
  const { db } = await pageContext('engineer');
  const teams = await listTeams(db);
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
