import { Gauge, Plus } from 'lucide-react';
import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Table, TBody, Td, THead, Th, Tr } from '@/components/ui/table';
import { getDb } from '@/db';
import { capacityOverview } from '@/db/capacity/forecasts';
import { hasRole } from '@/lib/auth/roles';
import { formatDay, formatDaysLeft, formatDemand } from '@/lib/capacity/format';
import { MODEL_LABELS } from '@/lib/capacity/types';
import { cn } from '@/lib/utils';
import { requirePageUser } from '@/server/guard';
import { CapacityStatusBadge } from './status-badge';

export const metadata = { title: 'Capacity' };
export const dynamic = 'force-dynamic';

export default async function CapacityPage() {
  const user = await requirePageUser();
  const rows = await capacityOverview(await getDb());
  const canEdit = hasRole(user.role, 'engineer');
  return (
    <>
      <PageHeader
        title="Capacity"
        description="When each resource runs out at the forecast growth, how sure we are, and when to order more. Most urgent first."
        crumbs={[{ label: 'Planning' }, { label: 'Capacity' }]}
        actions={
          canEdit && (
            <Button asChild>
              <Link href="/capacity/new">
                <Plus aria-hidden /> New resource
              </Link>
            </Button>
          )
        }
      />
      {rows.length === 0 ? (
        <EmptyState
          icon={Gauge}
          title="No capacity resources yet"
          action={
            canEdit ? (
              <Button asChild>
                <Link href="/capacity/new">Add the first resource</Link>
              </Button>
            ) : undefined
          }
        >
          Add a resource (CPU, connections, disk, requests per second) with its size per instance, then feed
          it daily peaks by CSV, the API or a Prometheus query.
        </EmptyState>
      ) : (
        <div className="overflow-x-auto">
          <Table>
            <THead>
              <tr>
                <Th>Resource</Th>
                <Th>Status</Th>
                <Th className="hidden text-right md:table-cell">Peak now</Th>
                <Th className="hidden text-right md:table-cell">Use of target</Th>
                <Th>Runs out</Th>
                <Th>Order by</Th>
                <Th className="text-right">Instances now → in 90 d</Th>
                <Th className="hidden xl:table-cell">Model</Th>
              </tr>
            </THead>
            <TBody>
              {rows.map(({ resource: r, analysis: a, chosen, status }) => {
                const urgent = status === 'order-now';
                const use = a.current !== null && a.usable > 0 ? a.current / a.usable : null;
                return (
                  <Tr
                    key={r.id}
                    data-testid={`capacity-row-${r.slug}`}
                    data-status={status}
                    className={cn(urgent && 'bg-depleted/10')}
                  >
                    <Td>
                      <Link href={`/capacity/${r.slug}`} className="font-medium hover:underline">
                        {r.name}
                      </Link>
                      <div className="text-xs text-muted-foreground">{r.serviceName}</div>
                    </Td>
                    <Td>
                      <CapacityStatusBadge status={status} />
                    </Td>
                    <Td className="hidden text-right whitespace-nowrap tabular-nums md:table-cell">
                      {formatDemand(a.current, r.unit)}
                    </Td>
                    <Td
                      className={cn(
                        'hidden text-right tabular-nums md:table-cell',
                        use !== null && use >= 1 && 'text-depleted',
                      )}
                    >
                      {use === null ? '—' : `${Math.round(use * 100)}%`}
                    </Td>
                    <Td className="whitespace-nowrap">
                      {chosen ? (
                        <>
                          <div>{formatDaysLeft(chosen.exhaustion.days)}</div>
                          <div className="text-xs text-muted-foreground">
                            pessimistic: {formatDaysLeft(chosen.exhaustionUpper.days)}
                          </div>
                        </>
                      ) : (
                        '—'
                      )}
                    </Td>
                    <Td className={cn('whitespace-nowrap', urgent && 'font-medium text-depleted')}>
                      {formatDay(chosen?.exhaustionUpper.orderBy ?? null)}
                      <div className="text-xs text-muted-foreground">lead time {r.leadTimeDays} d</div>
                    </Td>
                    <Td className="text-right whitespace-nowrap tabular-nums">
                      {r.instances} → {chosen ? chosen.required[2].instances : '—'}
                    </Td>
                    <Td className="hidden whitespace-nowrap text-muted-foreground xl:table-cell">
                      {chosen ? MODEL_LABELS[chosen.kind] : '—'}
                    </Td>
                  </Tr>
                );
              })}
            </TBody>
          </Table>
        </div>
      )}
      <p className="mt-3 text-xs text-muted-foreground">
        Runs out: the forecast (and its 95% upper band) reaching instances × capacity × target utilisation.
        Order by: the pessimistic date minus the lead time. Instances: ⌈upper forecast ÷ (capacity × target)⌉
        + k.
      </p>
    </>
  );
}
