// SQL sums behind the toil reports (SPEC 1.4). Only sums and counts here;
// lib/toil turns them into toil %, shares and payback.

import { and, between, eq, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { queryRows } from '@/db/platform/sql';
import { teamMembers, teams, toilCategories, toilEntries } from '@/db/schema';
import type { Automatable } from '@/lib/toil/aggregates';

export interface ToilScope {
  /** Inclusive calendar dates, YYYY-MM-DD. */
  from: string;
  to: string;
  /** One team, or every team when unset. */
  teamId?: string | null;
}

function scopeWhere(scope: ToilScope): SQL | undefined {
  return and(
    between(toilEntries.date, scope.from, scope.to),
    scope.teamId ? eq(toilEntries.teamId, scope.teamId) : undefined,
  );
}

// Monday of the ISO week as text: date − (isodow − 1) is date arithmetic, so the
// session time zone never shifts a calendar date into another week.
const weekOf = sql<string>`to_char(${toilEntries.date} - (extract(isodow from ${toilEntries.date})::int - 1), 'YYYY-MM-DD')`;
const monthOf = sql<string>`to_char(${toilEntries.date}, 'YYYY-MM')`;
const minutes = sql<number>`coalesce(sum(${toilEntries.minutes}), 0)::int`;
const interruptMinutes = sql<number>`coalesce(sum(${toilEntries.minutes}) filter (where ${toilEntries.interrupt}), 0)::int`;
const afterHoursMinutes = sql<number>`coalesce(sum(${toilEntries.minutes}) filter (where ${toilEntries.afterHours}), 0)::int`;
const entries = sql<number>`count(*)::int`;

export interface PeriodSum {
  teamId: string;
  period: string;
  minutes: number;
  interruptMinutes: number;
  afterHoursMinutes: number;
  entries: number;
}

async function sumsBy(db: Executor, scope: ToilScope, period: SQL<string>): Promise<PeriodSum[]> {
  return db
    .select({
      teamId: toilEntries.teamId,
      period: period.as('period'),
      minutes,
      interruptMinutes,
      afterHoursMinutes,
      entries,
    })
    .from(toilEntries)
    .where(scopeWhere(scope))
    .groupBy(toilEntries.teamId, period);
}

/** Toil minutes per team and ISO week (period = the Monday, YYYY-MM-DD). */
export function sumsByTeamWeek(db: Executor, scope: ToilScope): Promise<PeriodSum[]> {
  return sumsBy(db, scope, weekOf);
}

/** Toil minutes per team and calendar month (period = YYYY-MM). */
export function sumsByTeamMonth(db: Executor, scope: ToilScope): Promise<PeriodSum[]> {
  return sumsBy(db, scope, monthOf);
}

export async function sumsByCategory(db: Executor, scope: ToilScope) {
  return db
    .select({
      categoryId: toilCategories.id,
      slug: toilCategories.slug,
      name: toilCategories.name,
      minutes,
      entries,
    })
    .from(toilEntries)
    .innerJoin(toilCategories, eq(toilCategories.id, toilEntries.categoryId))
    .where(scopeWhere(scope))
    .groupBy(toilCategories.id, toilCategories.slug, toilCategories.name);
}

export interface TaskTotal {
  taskKey: string;
  /** Spelling of the latest entry. */
  task: string;
  entries: number;
  minutes: number;
  interruptMinutes: number;
  afterHoursMinutes: number;
  /** Automatability of the latest entry. */
  automatable: Automatable;
  categoryName: string;
}

/** Per task (case- and space-insensitive): totals and the latest entry's spelling and automatability. */
export async function taskTotals(db: Executor, scope: ToilScope): Promise<TaskTotal[]> {
  const team = scope.teamId ? sql`and e.team_id = ${scope.teamId}` : sql``;
  return queryRows<TaskTotal & Record<string, unknown>>(
    db,
    sql`select lower(trim(e.task)) as "taskKey",
          (array_agg(trim(e.task) order by e.date desc, e.created_at desc))[1] as "task",
          count(*)::int as "entries",
          sum(e.minutes)::int as "minutes",
          coalesce(sum(e.minutes) filter (where e.interrupt), 0)::int as "interruptMinutes",
          coalesce(sum(e.minutes) filter (where e.after_hours), 0)::int as "afterHoursMinutes",
          (array_agg(e.automatable order by e.date desc, e.created_at desc))[1] as "automatable",
          (array_agg(c.name order by e.date desc, e.created_at desc))[1] as "categoryName"
        from ${toilEntries} e
        join ${toilCategories} c on c.id = e.category_id
        where e.date between ${scope.from} and ${scope.to} ${team}
        group by lower(trim(e.task))`,
  );
}

/** Every team with its member count and weekly hours: capacity = members × hours × 60 per week. */
export async function teamCapacities(db: Executor) {
  return db
    .select({
      id: teams.id,
      slug: teams.slug,
      name: teams.name,
      weeklyHoursPerMember: teams.weeklyHoursPerMember,
      members: sql<number>`(select count(*)::int from ${teamMembers} where ${teamMembers.teamId} = ${teams.id})`,
    })
    .from(teams)
    .orderBy(teams.name);
}
