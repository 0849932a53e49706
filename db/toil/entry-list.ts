// Reading toil entries: the entry list and export, "my recent entries", and
// the team's recent tasks for the entry form's autocomplete.

import { and, asc, desc, eq, gte, ilike, inArray, lte, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { queryRows } from '@/db/platform/sql';
import { services, teams, toilCategories, toilEntries, users } from '@/db/schema';
import type { Automatable } from '@/lib/toil/aggregates';

export const ENTRY_SORTS = ['date', 'minutes', 'task', 'category', 'user', 'team'] as const;
export type EntrySort = (typeof ENTRY_SORTS)[number];

export interface EntryFilter {
  /** Teams the reader may see; null = every team (admins). */
  visibleTeamIds: string[] | null;
  team?: string;
  category?: string;
  q?: string;
  from?: string;
  to?: string;
  userId?: string;
  sort?: EntrySort;
  dir?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
}

const entryColumns = {
  id: toilEntries.id,
  date: toilEntries.date,
  task: toilEntries.task,
  minutes: toilEntries.minutes,
  interrupt: toilEntries.interrupt,
  afterHours: toilEntries.afterHours,
  automatable: toilEntries.automatable,
  notes: toilEntries.notes,
  createdAt: toilEntries.createdAt,
  version: toilEntries.version,
  userId: toilEntries.userId,
  userName: users.name,
  userEmail: users.email,
  teamId: toilEntries.teamId,
  teamSlug: teams.slug,
  teamName: teams.name,
  categoryId: toilEntries.categoryId,
  categorySlug: toilCategories.slug,
  categoryName: toilCategories.name,
  serviceSlug: services.slug,
  serviceName: services.name,
};

function entryQuery(db: Executor, where: SQL | undefined) {
  return db
    .select(entryColumns)
    .from(toilEntries)
    .innerJoin(users, eq(users.id, toilEntries.userId))
    .innerJoin(teams, eq(teams.id, toilEntries.teamId))
    .innerJoin(toilCategories, eq(toilCategories.id, toilEntries.categoryId))
    .leftJoin(services, eq(services.id, toilEntries.serviceId))
    .where(where)
    .$dynamic();
}

export type ToilEntryRow = NonNullable<Awaited<ReturnType<typeof getEntryRow>>>;

function filterWhere(filter: EntryFilter): SQL | undefined {
  const where: (SQL | undefined)[] = [];
  if (filter.visibleTeamIds !== null) {
    // No visible team: match nothing rather than everything.
    where.push(
      filter.visibleTeamIds.length ? inArray(toilEntries.teamId, filter.visibleTeamIds) : sql`false`,
    );
  }
  if (filter.team) where.push(eq(teams.slug, filter.team));
  if (filter.category) where.push(eq(toilCategories.slug, filter.category));
  if (filter.q) where.push(ilike(toilEntries.task, `%${filter.q}%`));
  if (filter.from) where.push(gte(toilEntries.date, filter.from));
  if (filter.to) where.push(lte(toilEntries.date, filter.to));
  if (filter.userId) where.push(eq(toilEntries.userId, filter.userId));
  return and(...where);
}

/** Entries matching a filter, newest first unless sorted otherwise. */
export async function listEntries(db: Executor, filter: EntryFilter) {
  const order = {
    date: toilEntries.date,
    minutes: toilEntries.minutes,
    task: toilEntries.task,
    category: toilCategories.name,
    user: users.name,
    team: teams.name,
  }[filter.sort ?? 'date'];
  const direction = (filter.dir ?? (filter.sort ? 'asc' : 'desc')) === 'desc' ? desc : asc;
  let query = entryQuery(db, filterWhere(filter)).orderBy(
    direction(order),
    desc(toilEntries.date),
    desc(toilEntries.createdAt),
  );
  if (filter.limit !== undefined) query = query.limit(filter.limit);
  if (filter.offset) query = query.offset(filter.offset);
  return query;
}

export async function countEntries(db: Executor, filter: EntryFilter): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(toilEntries)
    .innerJoin(teams, eq(teams.id, toilEntries.teamId))
    .innerJoin(toilCategories, eq(toilCategories.id, toilEntries.categoryId))
    .where(filterWhere(filter));
  return row?.n ?? 0;
}

export async function getEntryRow(db: Executor, id: string) {
  const [row] = await entryQuery(db, eq(toilEntries.id, id));
  return row ?? null;
}

/** The user's latest entries by when they were logged (what "my recent entries" shows). */
export async function recentEntriesOf(db: Executor, userId: string, limit = 10) {
  return entryQuery(db, eq(toilEntries.userId, userId)).orderBy(desc(toilEntries.createdAt)).limit(limit);
}

export interface RecentTask {
  task: string;
  category: string;
  service: string | null;
  minutes: number;
  automatable: Automatable;
  interrupt: boolean;
  afterHours: boolean;
  uses: number;
}

/**
 * The team's tasks of the last `days` days with the values of each task's
 * latest entry, most used first: choosing one in the form fills the rest.
 */
export async function recentTasks(
  db: Executor,
  teamId: string,
  since: string,
  limit = 200,
): Promise<RecentTask[]> {
  return queryRows<RecentTask & Record<string, unknown>>(
    db,
    sql`select task, category, service, minutes, automatable, interrupt, "afterHours", uses from (
          select distinct on (lower(trim(e.task)))
            trim(e.task) as task, c.slug as category, s.slug as service, e.minutes, e.automatable,
            e.interrupt, e.after_hours as "afterHours",
            count(*) over (partition by lower(trim(e.task)))::int as uses,
            max(e.created_at) over (partition by lower(trim(e.task))) as last_used
          from ${toilEntries} e
          join ${toilCategories} c on c.id = e.category_id
          left join ${services} s on s.id = e.service_id
          where e.team_id = ${teamId} and e.date >= ${since}
          order by lower(trim(e.task)), e.date desc, e.created_at desc
        ) t
        order by uses desc, last_used desc, task
        limit ${limit}`,
  );
}
