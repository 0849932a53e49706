import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { listServices } from '@/db/catalog/services';
import { requirePageUser } from '@/server/guard';
import { createResourceAction } from '../actions';
import { ResourceForm } from '../resource-form';

export const metadata = { title: 'New capacity resource' };

export default async function NewResourcePage() {
  await requirePageUser('engineer');
  const services = await listServices(await getDb());
  return (
    <>
      <PageHeader
        title="New capacity resource"
        description="Something a service can run out of, sized per instance."
        crumbs={[{ label: 'Capacity', href: '/capacity' }, { label: 'New' }]}
      />
      <ResourceForm action={createResourceAction} services={services} />
    </>
  );
}
