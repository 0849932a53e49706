import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/ui/page-header';
import { listServices } from '@/db/catalog/services';
import { getSloRow } from '@/db/slo/slos';
import { sloToFormValues } from '@/lib/validation/slo-form';
import { pageContext } from '@/server/guard';
import { updateSloAction } from '../../actions';
import { SloForm } from '../../slo-form';

export default async function EditSloPage({ params }: { params: Promise<{ slug: string }> }) {
  const { db } = await pageContext('engineer');
  const [slo, services] = await Promise.all([getSloRow(db, (await params).slug), listServices(db)]);
  if (!slo) notFound();
  return (
    <>
      <PageHeader
        title={`Edit ${slo.name}`}
        crumbs={[
          { label: 'SLOs', href: '/slos' },
          { label: slo.name, href: `/slos/${slo.slug}` },
          { label: 'Edit' },
        ]}
      />
      <SloForm
        action={updateSloAction}
        services={services}
        initial={{ timesliceTarget: '95', ...sloToFormValues(slo) }}
        slo={{ id: slo.id, version: slo.version }}
      />
    </>
  );
}

export const metadata = { title: 'Edit SLO' };
