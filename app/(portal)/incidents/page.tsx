import { Siren } from 'lucide-react';
import Link from 'next/link';
import { UrlFilters } from '@/components/data/url-filters';
import { SeverityBadge, StatusBadge, Utc } from '@/components/incidents/badges';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Table, TBody, Td, THead, Th, Tr } from '@/components/ui/table';
import { getDb } from '@/db';
import { listServices } from '@/db/catalog/services';
import { listIncidents } from '@/db/incidents/incidents';
import { listSloRows } from '@/db/slo/slos';
import { hasRole } from '@/lib/auth/roles';
import { formatMinutes } from '@/lib/format';
import { monthlyMttx } from '@/lib/incidents/metrics';
import { INCIDENT_STATUSES, SEVERITIES } from '@/lib/incidents/types';
import { oneOf, single } from '@/lib/search-params';
import { requirePageUser } from '@/server/guard';
import { NewIncident } from './new-incident';

export const metadata = { title: 'Incidents' };

const RANGES = ['7', '30', '90', '365'] as const;
const mins = (m: number | null) => (m === null ? '—' : formatMinutes(m));

export default async function IncidentsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser('viewer');
  const params = single(await searchParams);
  const db = await getDb();
  const now = new Date();
  const services = await listServices(db);
  const service = services.find((s) => s.slug === params.service);
  const days = oneOf(params.range, RANGES);
  const [rows, recent, slos] = await Promise.all([
    listIncidents(db, {
      severity: oneOf(params.severity, SEVERITIES),
      status: oneOf(params.status, [...INCIDENT_STATUSES, 'open'] as const),
      serviceId: service?.id,
      from: days ? new Date(now.getTime() - Number(days) * 86_400_000) : undefined,
    }),
    listIncidents(db, { from: new Date(now.getTime() - 200 * 86_400_000) }),
    listSloRows(db),
  ]);
  const months = monthlyMttx(recent, now, 4);
  const [current, ...previous] = [...months].reverse();
  const canWrite = hasRole(user.role, 'engineer');
  return (
    <>
      <PageHeader
        title="Incidents"
        description="Declared by people, opened by Alertmanager or by a burning SLO. Times are UTC."
        crumbs={[{ label: 'Reliability' }, { label: 'Incidents' }]}
        actions={
          canWrite ? (
            <NewIncident
              services={services.map((s) => ({ value: s.id, label: s.name }))}
              slos={slos.map((s) => ({ value: s.id, label: s.name }))}
            />
          ) : null
        }
      />
      <section aria-label="Response times" className="mb-6 grid grid-cols-2 gap-3 md:grid-cols-4">
        {(
          [
            ['MTTA this month', current.mtta, previous.map((p) => p.mtta)],
            ['MTTR this month', current.mttr, previous.map((p) => p.mttr)],
          ] as const
        ).map(([label, value, prev]) => (
          <div key={label} className="rounded-lg border p-3">
            <div className="text-xs text-muted-foreground">{label}</div>
            <div className="text-xl font-semibold tabular-nums">{mins(value)}</div>
            <div className="text-xs text-muted-foreground">
              {previous.map((p, i) => `${p.month}: ${mins(prev[i])}`).join(' · ')}
            </div>
          </div>
        ))}
        <div className="rounded-lg border p-3">
          <div className="text-xs text-muted-foreground">Resolved this month</div>
          <div className="text-xl font-semibold tabular-nums">{current.incidents}</div>
          <div className="text-xs text-muted-foreground">
            {previous.map((p) => `${p.month}: ${p.incidents}`).join(' · ')}
          </div>
        </div>
        <div className="rounded-lg border p-3">
          <div className="text-xs text-muted-foreground">Open now</div>
          <div className="text-xl font-semibold tabular-nums">
            {recent.filter((r) => r.status !== 'resolved').length}
          </div>
        </div>
      </section>
      <UrlFilters
        placeholder="Search postmortems and incidents…"
        selects={[
          { name: 'severity', label: 'Severity', options: SEVERITIES.map((s) => ({ value: s, label: s })) },
          {
            name: 'status',
            label: 'Status',
            options: [
              { value: 'open', label: 'not resolved' },
              ...INCIDENT_STATUSES.map((s) => ({ value: s, label: s })),
            ],
          },
          {
            name: 'service',
            label: 'Service',
            options: services.map((s) => ({ value: s.slug, label: s.name })),
          },
          {
            name: 'range',
            label: 'Started',
            options: RANGES.map((d) => ({ value: d, label: `last ${d} days` })),
          },
        ]}
      />
      {params.q ? (
        <p className="mb-3 text-sm">
          <Link className="underline" href={`/postmortems?q=${encodeURIComponent(params.q)}`}>
            Full-text results for “{params.q}”
          </Link>
        </p>
      ) : null}
      {rows.length === 0 ? (
        <EmptyState icon={Siren} title="No incidents match">
          Nothing here for these filters. Incidents appear when someone declares one, Alertmanager posts to
          the webhook, or a page alert of an SLO fires on a service set to open incidents.
        </EmptyState>
      ) : (
        <div className="overflow-x-auto">
          <Table>
            <THead>
              <Tr>
                <Th>Incident</Th>
                <Th>Severity</Th>
                <Th>Status</Th>
                <Th className="hidden md:table-cell">Services</Th>
                <Th>Started</Th>
                <Th className="hidden sm:table-cell">TTA</Th>
                <Th className="hidden sm:table-cell">TTR</Th>
                <Th className="hidden lg:table-cell">Postmortem</Th>
              </Tr>
            </THead>
            <TBody>
              {rows.map((r) => (
                <Tr key={r.id}>
                  <Td>
                    <Link href={`/incidents/${r.id}`} className="font-medium hover:underline">
                      INC-{r.number} {r.title}
                    </Link>
                  </Td>
                  <Td>
                    <SeverityBadge severity={r.severity} />
                  </Td>
                  <Td>
                    <StatusBadge status={r.status} />
                  </Td>
                  <Td className="hidden md:table-cell">{r.services.join(', ') || '—'}</Td>
                  <Td className="whitespace-nowrap">
                    <Utc at={r.startedAt} />
                  </Td>
                  <Td className="hidden tabular-nums sm:table-cell">{mins(r.tta)}</Td>
                  <Td className="hidden tabular-nums sm:table-cell">{mins(r.ttr)}</Td>
                  <Td className="hidden lg:table-cell">
                    {r.postmortemId ? (
                      <Link href={`/postmortems/${r.postmortemId}`} className="hover:underline">
                        <StatusBadge status={r.postmortemStatus ?? 'draft'} />
                      </Link>
                    ) : (
                      '—'
                    )}
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        </div>
      )}
    </>
  );
}
