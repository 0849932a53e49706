import { notFound } from 'next/navigation';
import { ConfirmDelete } from '@/components/forms/confirm-delete';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { getResourceBySlug } from '@/db/capacity/resources';
import { listServices } from '@/db/catalog/services';
import { requirePageUser } from '@/server/guard';
import { deleteResourceAction, updateResourceAction } from '../../actions';
import { ResourceForm } from '../../resource-form';

export const metadata = { title: 'Edit capacity resource' };

export default async function EditResourcePage({ params }: { params: Promise<{ slug: string }> }) {
  await requirePageUser('engineer');
  const db = await getDb();
  const [resource, services] = await Promise.all([
    getResourceBySlug(db, (await params).slug),
    listServices(db),
  ]);
  if (!resource) notFound();
  return (
    <>
      <PageHeader
        title={`Edit ${resource.name}`}
        crumbs={[
          { label: 'Capacity', href: '/capacity' },
          { label: resource.name, href: `/capacity/${resource.slug}` },
          { label: 'Edit' },
        ]}
      />
      <ResourceForm action={updateResourceAction} services={services} resource={resource} />
      <div className="mt-10 max-w-2xl border-t pt-6">
        <ConfirmDelete
          action={deleteResourceAction}
          id={resource.id}
          what={`resource ${resource.name}`}
          redirectTo="/capacity"
        />
      </div>
    </>
  );
}
