import { ListChecks } from 'lucide-react';
import { UrlFilters } from '@/components/data/url-filters';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { listTeams } from '@/db/catalog/teams';
import { listActionItems } from '@/db/incidents/action-items';
import { hasRole } from '@/lib/auth/roles';
import { completionByMonth } from '@/lib/incidents/metrics';
import { ACTION_ITEM_PRIORITIES } from '@/lib/incidents/types';
import { oneOf, single } from '@/lib/search-params';
import { requirePageUser } from '@/server/guard';
import { ActionItemsTable } from './client';

export const metadata = { title: 'Action items' };

export default async function ActionItemsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser('viewer');
  const params = single(await searchParams);
  const db = await getDb();
  const teams = await listTeams(db);
  const team = teams.find((t) => t.slug === params.team);
  const [items, all] = await Promise.all([
    listActionItems(db, {
      overdue: params.overdue === '1',
      ownerId: params.owner === 'me' ? user.id : undefined,
      teamId: team?.id,
      priority: oneOf(params.priority, ACTION_ITEM_PRIORITIES),
      status: params.status === 'open' ? 'open-any' : undefined,
    }),
    listActionItems(db),
  ]);
  const q = params.q?.toLowerCase();
  const shown = q ? items.filter((i) => i.title.toLowerCase().includes(q)) : items;
  const completion = completionByMonth(all).slice(-6);
  return (
    <>
      <PageHeader
        title="Action items"
        description="Every follow-up from every postmortem, until it is done."
        crumbs={[{ label: 'Reliability' }, { label: 'Action items' }]}
      />
      <section aria-label="Completion rate per month" className="mb-4 flex flex-wrap gap-2">
        {completion.map((c) => (
          <div key={c.month} className="rounded-md border px-3 py-2 text-sm">
            <div className="text-xs text-muted-foreground">{c.month}</div>
            <div className="font-semibold tabular-nums">
              {c.rate === null ? '—' : `${Math.round(c.rate * 100)}%`}{' '}
              <span className="text-xs font-normal text-muted-foreground">
                {c.done}/{c.due}
              </span>
            </div>
          </div>
        ))}
      </section>
      <UrlFilters
        placeholder="Filter by title…"
        selects={[
          { name: 'overdue', label: 'Due', options: [{ value: '1', label: 'overdue only' }] },
          { name: 'owner', label: 'Owner', options: [{ value: 'me', label: 'mine' }] },
          { name: 'team', label: 'Team', options: teams.map((t) => ({ value: t.slug, label: t.name })) },
          {
            name: 'priority',
            label: 'Priority',
            options: ACTION_ITEM_PRIORITIES.map((p) => ({ value: p, label: p })),
          },
          { name: 'status', label: 'Status', options: [{ value: 'open', label: 'not done' }] },
        ]}
      />
      {shown.length === 0 ? (
        <EmptyState icon={ListChecks} title="No action items match">
          Action items are added on a postmortem; they stay editable after it is published.
        </EmptyState>
      ) : (
        <ActionItemsTable
          canWrite={hasRole(user.role, 'engineer')}
          items={shown.map((i) => ({
            id: i.id,
            title: i.title,
            type: i.type,
            priority: i.priority,
            status: i.status,
            owner: i.owner,
            team: i.team,
            dueDate: i.dueDate,
            overdue: i.overdue,
            trackerUrl: i.trackerUrl,
            postmortemId: i.postmortemId,
            incidentNumber: i.incidentNumber,
          }))}
        />
      )}
    </>
  );
}
