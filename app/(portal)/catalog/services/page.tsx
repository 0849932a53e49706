import { Plus, Server } from 'lucide-react';
import Link from 'next/link';
import { SortHeader } from '@/components/data/sort-header';
import { UrlFilters } from '@/components/data/url-filters';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Table, TBody, Td, THead, Th, Tr } from '@/components/ui/table';
import { listServices, SERVICE_SORTS } from '@/db/catalog/services';
import { listTeams } from '@/db/catalog/teams';
import { hasRole } from '@/lib/auth/roles';
import { oneOf, single } from '@/lib/search-params';
import { pageContext } from '@/server/guard';

export const metadata = { title: 'Services' };

export default async function ServicesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { db, user } = await pageContext();
  const params = single(await searchParams);
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
      <UrlFilters
        placeholder="Search name, slug or tag"
        selects={[
          { name: 'team', label: 'Team', options: teams.map((t) => ({ value: t.slug, label: t.name })) },
          {
            name: 'tier',
            label: 'Tier',
            options: [0, 1, 2, 3].map((t) => ({ value: String(t), label: `Tier ${t}` })),
          },
        ]}
      />
      {rows.length === 0 ? (
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
      ) : (
        <Table>
          <THead>
            <tr>
              <SortHeader label="Service" sortKey="name" params={params} />
              <SortHeader label="Tier" sortKey="tier" params={params} />
              <SortHeader label="Owner" sortKey="team" params={params} />
              <Th>Tags</Th>
              <SortHeader label="Updated" sortKey="updated" params={params} />
            </tr>
          </THead>
          <TBody>
            {rows.map((s) => (
              <Tr key={s.id}>
                <Td>
                  <Link href={`/catalog/services/${s.slug}`} className="font-medium hover:underline">
                    {s.name}
                  </Link>
                  <div className="font-mono text-xs text-muted-foreground">{s.slug}</div>
                </Td>
                <Td>
                  <Badge variant={s.tier === 0 ? 'critical' : s.tier === 1 ? 'warning' : 'default'}>
                    Tier {s.tier}
                  </Badge>
                </Td>
                <Td>
                  {s.teamSlug ? (
                    <Link href={`/catalog/teams/${s.teamSlug}`} className="hover:underline">
                      {s.teamName}
                    </Link>
                  ) : (
                    <span className="text-muted-foreground">—</span>
                  )}
                </Td>
                <Td>
                  <div className="flex flex-wrap gap-1">
                    {s.tags.map((t) => (
                      <Badge key={t} variant="outline">
                        {t}
                      </Badge>
                    ))}
                  </div>
                </Td>
                <Td className="text-muted-foreground whitespace-nowrap">
                  {s.updatedAt.toISOString().slice(0, 10)}
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      <p className="mt-3 text-xs text-muted-foreground">
        {rows.length} service{rows.length === 1 ? '' : 's'}
      </p>
    </>
  );
}
