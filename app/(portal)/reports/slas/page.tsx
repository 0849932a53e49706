import { ClipboardCheck } from 'lucide-react';
import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Table, TBody, Td, THead, Th, Tr } from '@/components/ui/table';
import { getDb } from '@/db';
import { listSlas } from '@/db/reports/slas';
import { hasRole } from '@/lib/auth/roles';
import { formatTarget } from '@/lib/slo/format';
import { requirePageUser } from '@/server/guard';

export const metadata = { title: 'SLAs' };

export default async function SlasPage() {
  const user = await requirePageUser('viewer');
  const slas = await listSlas(await getDb());
  const canEdit = hasRole(user.role, 'engineer');
  return (
    <>
      <PageHeader
        title="SLAs"
        description="Commitments to customers, each measured by its service's SLOs over the calendar month."
        crumbs={[{ label: 'Operations' }, { label: 'Reports', href: '/reports' }, { label: 'SLAs' }]}
        actions={
          canEdit && (
            <Button asChild>
              <Link href="/reports/slas/new">New SLA</Link>
            </Button>
          )
        }
      />
      {slas.length === 0 ? (
        <EmptyState icon={ClipboardCheck} title="No SLA yet">
          Define an SLA to see each month whether it was met and which credits are owed.
        </EmptyState>
      ) : (
        <Table>
          <THead>
            <Tr>
              <Th>Service</Th>
              <Th>SLA</Th>
              <Th className="text-right">Target</Th>
              <Th>Credit tiers</Th>
              <Th className="text-right">SLOs</Th>
            </Tr>
          </THead>
          <TBody>
            {slas.map((s) => (
              <Tr key={s.id}>
                <Td>{s.serviceName}</Td>
                <Td>
                  {canEdit ? (
                    <Link className="font-medium hover:underline" href={`/reports/slas/${s.id}`}>
                      {s.name}
                    </Link>
                  ) : (
                    s.name
                  )}
                </Td>
                <Td className="text-right">{formatTarget(s.target)}</Td>
                <Td className="text-sm text-muted-foreground">
                  {s.creditTiers
                    .map((t) => `< ${formatTarget(t.below)} → ${t.creditPercent} %`)
                    .join(' · ') || '—'}
                </Td>
                <Td className="text-right">{s.sloIds.length}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </>
  );
}
