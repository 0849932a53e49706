import { Download, List } from 'lucide-react';
import Link from 'next/link';
import { SortHeader } from '@/components/data/sort-header';
import { UrlFilters } from '@/components/data/url-filters';
import { ToilNav } from '@/components/toil/toil-nav';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Table, TBody, Td, THead, Th, Tr } from '@/components/ui/table';
import { getDb } from '@/db';
import { listTeams } from '@/db/catalog/teams';
import { listToilCategories } from '@/db/toil/categories';
import { visibleTeamIds } from '@/db/toil/entries';
import { countEntries, ENTRY_SORTS, type EntryFilter, listEntries } from '@/db/toil/entry-list';
import { hasRole } from '@/lib/auth/roles';
import { oneOf, single } from '@/lib/search-params';
import { formatMinutes } from '@/lib/toil/minutes';
import { MAX_PAGE } from '@/lib/validation/params';
import { requirePageUser } from '@/server/guard';

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
  const visible = await visibleTeamIds(db, user);
  const page = Math.min(MAX_PAGE, Math.max(1, Number.parseInt(params.page ?? '1', 10) || 1));
  const filter: EntryFilter = {
    visibleTeamIds: visible,
    team: params.team,
    category: params.category,
    q: params.q,
    userId: params.who === 'me' ? user.id : undefined,
    sort: oneOf(params.sort, ENTRY_SORTS),
    dir: params.dir === 'desc' ? 'desc' : params.dir === 'asc' ? 'asc' : undefined,
  };
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
  const pageHref = (p: number) => {
    const next = new URLSearchParams(
      Object.entries(params).filter((e): e is [string, string] => Boolean(e[1])),
    );
    next.set('page', String(p));
    return `?${next.toString()}`;
  };
  return (
    <>
      <PageHeader
        title="Toil entries"
        description={isAdmin ? 'Every team’s entries.' : 'Your teams’ entries. You can change your own.'}
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
      <UrlFilters
        placeholder="Search tasks"
        selects={[
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
      />
      {rows.length === 0 ? (
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
      ) : (
        <Table>
          <THead>
            <tr>
              <SortHeader label="Date" sortKey="date" params={params} />
              <SortHeader label="Task" sortKey="task" params={params} />
              <SortHeader label="Category" sortKey="category" params={params} />
              <SortHeader label="Time" sortKey="minutes" params={params} className="text-right" />
              <SortHeader label="Who" sortKey="user" params={params} />
              <SortHeader label="Team" sortKey="team" params={params} />
              <Th>Flags</Th>
              <Th />
            </tr>
          </THead>
          <TBody>
            {rows.map((e) => (
              <Tr key={e.id}>
                <Td className="whitespace-nowrap tabular-nums">{e.date}</Td>
                <Td className="max-w-80">
                  <div className="font-medium">{e.task}</div>
                  {e.serviceName && <div className="text-xs text-muted-foreground">{e.serviceName}</div>}
                </Td>
                <Td>{e.categoryName}</Td>
                <Td className="text-right tabular-nums">{formatMinutes(e.minutes)}</Td>
                <Td className="whitespace-nowrap">{e.userName}</Td>
                <Td>{e.teamName}</Td>
                <Td>
                  <div className="flex flex-wrap gap-1">
                    {e.interrupt && <Badge variant="warning">interrupt</Badge>}
                    {e.afterHours && <Badge variant="critical">after hours</Badge>}
                    {e.automatable !== 'none' && <Badge variant="primary">{e.automatable}</Badge>}
                  </div>
                </Td>
                <Td className="text-right">
                  {canWrite && (isAdmin || e.userId === user.id) && (
                    <Link href={`/toil/entries/${e.id}`} className="text-sm text-primary hover:underline">
                      Edit
                    </Link>
                  )}
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      <div className="mt-3 flex items-center justify-between text-xs text-muted-foreground">
        <span>
          {total} entr{total === 1 ? 'y' : 'ies'}
        </span>
        {total > PAGE_SIZE && (
          <span className="flex items-center gap-2">
            {page > 1 && <Link href={pageHref(page - 1)}>← Previous</Link>}
            Page {page} of {Math.ceil(total / PAGE_SIZE)}
            {page * PAGE_SIZE < total && <Link href={pageHref(page + 1)}>Next →</Link>}
          </span>
        )}
      </div>
    </>
  );
}
