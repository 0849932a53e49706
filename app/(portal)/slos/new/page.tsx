import { PageHeader } from '@/components/ui/page-header';
import { listServices } from '@/db/catalog/services';
import { single } from '@/lib/search-params';
import { pageContext } from '@/server/guard';
import { createSloAction } from '../actions';
import { SloForm } from '../slo-form';

export const metadata = { title: 'New SLO' };

const DEFAULTS = {
  sliKind: 'ratio',
  target: '99.9',
  window: 'rolling:30',
  timezone: 'UTC',
  budgetingMethod: 'occurrences',
  timesliceTarget: '95',
  sourceType: 'push',
};

export default async function NewSloPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { db } = await pageContext('engineer');
  const services = await listServices(db);
  const { service } = single(await searchParams);
  const serviceId = services.find((s) => s.slug === service)?.id ?? '';
  return (
    <>
      <PageHeader
        title="New SLO"
        crumbs={[{ label: 'SLOs', href: '/slos' }, { label: 'New' }]}
        description="Samples arrive through POST /api/v1/slos/<slug>/samples with an sli:write token."
      />
      <SloForm action={createSloAction} services={services} initial={{ ...DEFAULTS, serviceId }} />
    </>
  );
}
