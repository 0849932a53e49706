import { Plus, Server } from 'lucide-react';
import Link from 'next/link';
import { TierBadge } from '@/components/catalog/tier-badge';
import { DataTable } from '@/components/data/data-table';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { listServices, SERVICE_SORTS } from '@/db/catalog/services';
import { listTeams } from '@/db/catalog/teams';
import { hasRole } from '@/lib/auth/roles';
import { formatIsoDate } from '@/lib/format';
import { oneOf, single } from '@/lib/search-params';
import { requirePageUser } from '@/server/guard';

export const metadata = { title: 'Services' };

export default async function ServicesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser();
  const params = single(await searchParams);
  const db = await getDb();
  const tier = params.tier && /^[0-3]$/.test(params.tier) ? Number(params.tier) : undefined;
  const [rows, teams] = await Promise.all([
    listServices(db, {
      q: params.q,
      team: params.team,
      tier,
      sort: oneOf(params.sort, SERVICE_SORTS),
      dir: params.dir === 'desc' ? 'desc' : 'asc',
    }),
    listTeams(db),
  ]);
  const canCreate = hasRole(user.role, 'engineer');
  const filtered = Boolean(params.q || params.team || params.tier);
  return (
    <>
      <PageHeader
        title="Services"
        description="Everything the organisation runs, with its owner and criticality tier."
        crumbs={[{ label: 'Catalog' }, { label: 'Services' }]}
        actions={
          canCreate && (
            <Button asChild>
              <Link href="/catalog/services/new">
                <Plus aria-hidden /> New service
              </Link>
            </Button>
          )
        }
      />
      <DataTable
        rows={rows}
        rowKey={(s) => s.id}
        params={params}
        defaultSort={{ key: 'name', dir: 'asc' }}
        searchPlaceholder="Search name, slug or tag"
        filters={[
          { name: 'team', label: 'Team', options: teams.map((t) => ({ value: t.slug, label: t.name })) },
          {
            name: 'tier',
            label: 'Tier',
            options: [0, 1, 2, 3].map((t) => ({ value: String(t), label: `Tier ${t}` })),
          },
        ]}
        count={`${rows.length} service${rows.length === 1 ? '' : 's'}`}
        columns={[
          {
            key: 'name',
            header: 'Service',
            sortable: true,
            card: 'title',
            cell: (s) => (
              <>
                <Link href={`/catalog/services/${s.slug}`} className="font-medium hover:underline">
                  {s.name}
                </Link>
                <div className="font-mono text-xs text-muted-foreground">{s.slug}</div>
              </>
            ),
          },
          {
            key: 'tier',
            header: 'Tier',
            sortable: true,
            cell: (s) => <TierBadge tier={s.tier} />,
          },
          {
            key: 'team',
            header: 'Owner',
            sortable: true,
            cell: (s) =>
              s.teamSlug ? (
                <Link href={`/catalog/teams/${s.teamSlug}`} className="hover:underline">
                  {s.teamName}
                </Link>
              ) : (
                <span className="text-muted-foreground">—</span>
              ),
          },
          {
            key: 'tags',
            header: 'Tags',
            cell: (s) =>
              s.tags.length > 0 && (
                <div className="flex flex-wrap justify-end gap-1 sm:justify-start">
                  {s.tags.map((t) => (
                    <Badge key={t} variant="outline">
                      {t}
                    </Badge>
                  ))}
                </div>
              ),
          },
          {
            key: 'updated',
            header: 'Updated',
            sortable: true,
            firstDir: 'desc',
            className: 'text-muted-foreground whitespace-nowrap',
            cell: (s) => formatIsoDate(s.updatedAt),
          },
        ]}
        empty={
          <EmptyState
            icon={Server}
            title={filtered ? 'No services match these filters' : 'No services yet'}
            action={
              canCreate && !filtered ? (
                <Button asChild>
                  <Link href="/catalog/services/new">Create the first service</Link>
                </Button>
              ) : undefined
            }
          >
            {filtered
              ? 'Clear the search or filters to see all services.'
              : 'Services own SLOs, runbooks and capacity resources.'}
          </EmptyState>
        }
      />
    </>
  );
}
