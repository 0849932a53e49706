import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { requirePageUser } from '@/server/guard';
import { createSlaAction } from '../actions';
import { slaFormOptions } from '../options';
import { SlaForm } from '../sla-form';

export const metadata = { title: 'New SLA' };

export default async function NewSlaPage() {
  await requirePageUser('engineer');
  const options = await slaFormOptions(await getDb());
  return (
    <>
      <PageHeader
        title="New SLA"
        crumbs={[
          { label: 'Reports', href: '/reports' },
          { label: 'SLAs', href: '/reports/slas' },
          { label: 'New' },
        ]}
      />
      <SlaForm action={createSlaAction} {...options} />
    </>
  );
}
