import { Download, List } from 'lucide-react';
import Link from 'next/link';
import { DataTable } from '@/components/data/data-table';
import { ToilNav } from '@/components/toil/toil-nav';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { listTeams } from '@/db/catalog/teams';
import { listToilCategories } from '@/db/toil/categories';
import { visibleTeamIds } from '@/db/toil/entries';
import { countEntries, listEntries } from '@/db/toil/entry-list';
import { hasRole } from '@/lib/auth/roles';
import { single } from '@/lib/search-params';
import { formatMinutes } from '@/lib/toil/minutes';
import { requirePageUser } from '@/server/guard';
import { parseEntryQuery } from './search-params';

export const metadata = { title: 'Toil entries' };

const PAGE_SIZE = 50;

export default async function ToilEntriesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser('viewer');
  const params = single(await searchParams);
  const db = await getDb();
  // Viewers read everything; engineers see their teams’ entries, admins everyone’s.
  const visible = user.role === 'viewer' ? null : await visibleTeamIds(db, user);
  const { filter, page } = parseEntryQuery(params, { userId: user.id, visibleTeamIds: visible });
  const [rows, total, teams, categories] = await Promise.all([
    listEntries(db, { ...filter, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    countEntries(db, filter),
    listTeams(db),
    listToilCategories(db, { includeArchived: true }),
  ]);
  const isAdmin = hasRole(user.role, 'admin');
  const canWrite = hasRole(user.role, 'engineer');
  const filtered = Boolean(params.q || params.team || params.category || params.who);
  const exportQuery = new URLSearchParams(
    Object.entries({ team: params.team, category: params.category, q: params.q, who: params.who }).filter(
      (e): e is [string, string] => Boolean(e[1]),
    ),
  ).toString();
  return (
    <>
      <PageHeader
        title="Toil entries"
        description={
          isAdmin || !canWrite ? 'Every team’s entries.' : 'Your teams’ entries. You can change your own.'
        }
        crumbs={[{ label: 'Operations' }, { label: 'Toil', href: '/toil' }, { label: 'Entries' }]}
        actions={
          canWrite && (
            <>
              <Button asChild variant="outline" size="sm">
                <a href={`/toil/export?format=csv&${exportQuery}`} download>
                  <Download aria-hidden /> CSV
                </a>
              </Button>
              <Button asChild variant="outline" size="sm">
                <a href={`/toil/export?format=json&${exportQuery}`} download>
                  <Download aria-hidden /> JSON
                </a>
              </Button>
            </>
          )
        }
      />
      <ToilNav current="/toil/entries" role={user.role} />
      <DataTable
        rows={rows}
        rowKey={(e) => e.id}
        params={params}
        defaultSort={{ key: 'date', dir: 'desc' }}
        searchPlaceholder="Search tasks"
        filters={[
          {
            name: 'team',
            label: 'Team',
            options: teams
              .filter((t) => visible === null || visible.includes(t.id))
              .map((t) => ({ value: t.slug, label: t.name })),
          },
          {
            name: 'category',
            label: 'Category',
            options: categories.map((c) => ({ value: c.slug, label: c.name })),
          },
          { name: 'who', label: 'Who', options: [{ value: 'me', label: 'Only mine' }] },
        ]}
        pager={{ page, pageSize: PAGE_SIZE, total }}
        count={`${total} entr${total === 1 ? 'y' : 'ies'}`}
        columns={[
          {
            key: 'date',
            header: 'Date',
            sortable: true,
            firstDir: 'desc',
            className: 'whitespace-nowrap tabular-nums',
            cell: (e) => e.date,
          },
          {
            key: 'task',
            header: 'Task',
            sortable: true,
            card: 'title',
            className: 'sm:max-w-80',
            cell: (e) => (
              <>
                <div className="font-medium">{e.task}</div>
                {e.serviceName && <div className="text-xs text-muted-foreground">{e.serviceName}</div>}
              </>
            ),
          },
          { key: 'category', header: 'Category', sortable: true, cell: (e) => e.categoryName },
          {
            key: 'minutes',
            header: 'Time',
            sortable: true,
            firstDir: 'desc',
            align: 'right',
            className: 'tabular-nums',
            cell: (e) => formatMinutes(e.minutes),
          },
          {
            key: 'user',
            header: 'Who',
            sortable: true,
            className: 'whitespace-nowrap',
            cell: (e) => e.userName,
          },
          { key: 'team', header: 'Team', sortable: true, cell: (e) => e.teamName },
          {
            key: 'flags',
            header: 'Flags',
            cell: (e) =>
              (e.interrupt || e.afterHours || e.automatable !== 'none') && (
                <div className="flex flex-wrap justify-end gap-1 sm:justify-start">
                  {e.interrupt && <Badge variant="warning">interrupt</Badge>}
                  {e.afterHours && <Badge variant="critical">after hours</Badge>}
                  {e.automatable !== 'none' && <Badge variant="primary">{e.automatable}</Badge>}
                </div>
              ),
          },
          {
            key: 'edit',
            header: 'Edit',
            align: 'right',
            card: 'title',
            cell: (e) =>
              canWrite &&
              (isAdmin || e.userId === user.id) && (
                <Link
                  href={`/toil/entries/${e.id}`}
                  prefetch={false}
                  className="text-sm text-primary hover:underline"
                >
                  Edit
                </Link>
              ),
          },
        ]}
        empty={
          <EmptyState
            icon={List}
            title={filtered ? 'No entries match these filters' : 'No toil entries to show'}
          >
            {filtered
              ? 'Clear the search or filters to see all entries.'
              : visible?.length === 0
                ? 'Entries are visible to the members of their team; you are not in a team.'
                : 'Log toil on the entry page, or import a CSV.'}
          </EmptyState>
        }
      />
    </>
  );
}
