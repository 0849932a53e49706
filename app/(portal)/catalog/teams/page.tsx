import { Plus, Users } from 'lucide-react';
import Link from 'next/link';
import { DataTable } from '@/components/data/data-table';
import { currentSort, type SortState } from '@/components/data/sort-header';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { listTeams } from '@/db/catalog/teams';
import { hasRole } from '@/lib/auth/roles';
import { single } from '@/lib/search-params';
import { requirePageUser } from '@/server/guard';

export const metadata = { title: 'Teams' };

const DEFAULT_SORT: SortState = { key: 'name', dir: 'asc' };

export default async function TeamsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser();
  const params = single(await searchParams);
  const teams = await listTeams(await getDb());
  const sort = currentSort(params, DEFAULT_SORT);
  const value = (t: (typeof teams)[number]) =>
    sort.key === 'members' ? t.members : sort.key === 'services' ? t.services : t.name.toLowerCase();
  const rows = [...teams].sort((a, b) => {
    const [x, y] = [value(a), value(b)];
    const c = x < y ? -1 : x > y ? 1 : 0;
    return (sort.dir === 'desc' ? -c : c) || a.name.localeCompare(b.name);
  });
  const isAdmin = hasRole(user.role, 'admin');
  return (
    <>
      <PageHeader
        title="Teams"
        description="Who owns what. Team size and working hours feed the toil budget."
        crumbs={[{ label: 'Catalog' }, { label: 'Teams' }]}
        actions={
          isAdmin && (
            <Button asChild>
              <Link href="/catalog/teams/new">
                <Plus aria-hidden /> New team
              </Link>
            </Button>
          )
        }
      />
      <DataTable
        rows={rows}
        rowKey={(t) => t.id}
        params={params}
        defaultSort={DEFAULT_SORT}
        count={`${rows.length} team${rows.length === 1 ? '' : 's'}`}
        columns={[
          {
            key: 'name',
            header: 'Team',
            sortable: true,
            card: 'title',
            cell: (t) => (
              <>
                <Link href={`/catalog/teams/${t.slug}`} className="font-medium hover:underline">
                  {t.name}
                </Link>
                <div className="text-xs text-muted-foreground">{t.description}</div>
              </>
            ),
          },
          {
            key: 'members',
            header: 'Members',
            sortable: true,
            firstDir: 'desc',
            align: 'right',
            className: 'tabular-nums',
            cell: (t) => t.members,
          },
          {
            key: 'hours',
            header: 'Hours / member / week',
            align: 'right',
            className: 'tabular-nums',
            cell: (t) => t.weeklyHoursPerMember,
          },
          {
            key: 'services',
            header: 'Services',
            sortable: true,
            firstDir: 'desc',
            align: 'right',
            className: 'tabular-nums',
            cell: (t) => t.services,
          },
        ]}
        empty={
          <EmptyState icon={Users} title="No teams yet">
            {isAdmin ? 'Create a team to own services.' : 'An administrator creates teams.'}
          </EmptyState>
        }
      />
    </>
  );
}
