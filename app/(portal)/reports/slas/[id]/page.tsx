import { notFound } from 'next/navigation';
import { ConfirmDelete } from '@/components/forms/confirm-delete';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { getSla } from '@/db/reports/slas';
import { hasRole } from '@/lib/auth/roles';
import { requirePageUser } from '@/server/guard';
import { deleteSlaAction, updateSlaAction } from '../actions';
import { slaFormOptions } from '../options';
import { SlaForm } from '../sla-form';

export const metadata = { title: 'Edit SLA' };

export default async function EditSlaPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser('engineer');
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const db = await getDb();
  const [sla, options] = await Promise.all([getSla(db, id), slaFormOptions(db)]);
  if (!sla) notFound();
  return (
    <>
      <PageHeader
        title={sla.name}
        description={sla.serviceName}
        crumbs={[
          { label: 'Reports', href: '/reports' },
          { label: 'SLAs', href: '/reports/slas' },
          { label: sla.name },
        ]}
        actions={
          hasRole(user.role, 'admin') && (
            <ConfirmDelete
              action={deleteSlaAction}
              id={sla.id}
              what={`SLA ${sla.name}`}
              redirectTo="/reports/slas"
            />
          )
        }
      />
      <SlaForm action={updateSlaAction} {...options} sla={sla} />
    </>
  );
}
