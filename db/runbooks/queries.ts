// Runbook reads (SPEC 1.6): ranked full-text search with highlighted snippets, the runbooks
// that answer a service's alerts, the alert-name lookup, and revisions.
import { and, asc, desc, eq, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { runbookRevisions, runbooks, services, teams } from '@/db/schema';
import { MARK_END, MARK_START, prefixTsQuery } from '@/lib/runbooks/search';

export interface RunbookFilter {
  q?: string;
  service?: string;
  alert?: string;
  team?: string;
  overdue?: boolean;
  limit?: number;
}

/** Review due: one interval after the last review, or after creation when never reviewed. */
const dueAt = sql`coalesce(${runbooks.lastReviewedAt}, ${runbooks.createdAt}) + make_interval(days => ${runbooks.reviewIntervalDays})`;
const overdue = sql`${dueAt} < now()`;

const listColumns = {
  id: runbooks.id,
  slug: runbooks.slug,
  title: runbooks.title,
  alertNames: runbooks.alertNames,
  reviewIntervalDays: runbooks.reviewIntervalDays,
  lastReviewedAt: runbooks.lastReviewedAt,
  lastReviewedBy: runbooks.lastReviewedBy,
  createdAt: runbooks.createdAt,
  updatedAt: runbooks.updatedAt,
  version: runbooks.version,
  serviceSlug: services.slug,
  serviceName: services.name,
  teamSlug: teams.slug,
  teamName: teams.name,
};

/**
 * The library: filtered, and with `q` ranked by full-text relevance — any title match first
 * (weight A), then ts_rank — with a highlighted snippet of the body.
 */
export async function searchRunbooks(db: Executor, filter: RunbookFilter = {}) {
  const where: SQL[] = [];
  const terms = prefixTsQuery(filter.q);
  const query = terms ? sql`to_tsquery('english', ${terms})` : null;
  if (query) where.push(sql`${runbooks.searchVector} @@ ${query}`);
  if (filter.service) where.push(eq(services.slug, filter.service));
  if (filter.team) where.push(eq(teams.slug, filter.team));
  if (filter.alert) where.push(sql`${filter.alert} = any(${runbooks.alertNames})`);
  if (filter.overdue) where.push(overdue);
  const titleMatch = query
    ? sql<boolean>`ts_filter(${runbooks.searchVector}, '{a}') @@ ${query}`
    : sql<boolean>`false`;
  const rank = query ? sql<number>`ts_rank(${runbooks.searchVector}, ${query})` : sql<number>`0`;
  const rows = await db
    .select({
      ...listColumns,
      titleMatch,
      rank,
      snippet: query
        ? sql<string>`ts_headline('english', left(${runbooks.body}, 20000), ${query}, ${`StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=28, MinWords=10, MaxFragments=2, FragmentDelimiter=" … "`})`
        : sql<string>`''`,
    })
    .from(runbooks)
    .leftJoin(services, eq(services.id, runbooks.serviceId))
    .leftJoin(teams, eq(teams.id, runbooks.ownerTeamId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(...(query ? [desc(titleMatch), desc(rank)] : []), asc(runbooks.title))
    .limit(Math.min(filter.limit ?? 100, 500));
  return rows.map((r) => ({ ...r, snippet: stripMarkdown(r.snippet) }));
}
export type RunbookListItem = Awaited<ReturnType<typeof searchRunbooks>>[number];

export async function getRunbookBySlug(db: Executor, slug: string) {
  const [row] = await db
    .select({
      runbook: runbooks,
      serviceSlug: services.slug,
      serviceName: services.name,
      teamSlug: teams.slug,
      teamName: teams.name,
    })
    .from(runbooks)
    .leftJoin(services, eq(services.id, runbooks.serviceId))
    .leftJoin(teams, eq(teams.id, runbooks.ownerTeamId))
    .where(eq(runbooks.slug, slug));
  if (!row) return null;
  const { searchVector: _sv, ...runbook } = row.runbook;
  return {
    ...runbook,
    serviceSlug: row.serviceSlug,
    serviceName: row.serviceName,
    teamSlug: row.teamSlug,
    teamName: row.teamName,
  };
}
export type RunbookDetail = NonNullable<Awaited<ReturnType<typeof getRunbookBySlug>>>;

/**
 * Runbooks for a service and the alerts it can fire: the service's own runbooks, plus
 * service-less runbooks that answer one of the alerts (generic alerts such as the SLO burn
 * alerts must not pull in every other service's runbook).
 */
export async function runbooksFor(
  db: Executor,
  target: { serviceId?: string | null; alertNames?: string[] },
) {
  const alerts = target.alertNames?.filter(Boolean) ?? [];
  const match: SQL[] = [];
  if (target.serviceId) match.push(eq(runbooks.serviceId, target.serviceId));
  if (alerts.length)
    match.push(
      and(isNull(runbooks.serviceId), sql`${runbooks.alertNames} && ${sql.param(alerts)}::text[]`) as SQL,
    );
  if (match.length === 0) return [];
  return db
    .select({ ...listColumns, overdue: sql<boolean>`${overdue}` })
    .from(runbooks)
    .leftJoin(services, eq(services.id, runbooks.serviceId))
    .leftJoin(teams, eq(teams.id, runbooks.ownerTeamId))
    .where(or(...match))
    .orderBy(asc(runbooks.title))
    .limit(50);
}

/**
 * The runbooks answering `alertname`, best first: with a service (the alert's `service`
 * label) that service's runbooks, then service-less ones; other services' only when nothing closer exists.
 */
export async function runbooksForAlert(db: Executor, alertname: string, service?: string | null) {
  const rows = await db
    .select({ ...listColumns, serviceId: runbooks.serviceId })
    .from(runbooks)
    .leftJoin(services, eq(services.id, runbooks.serviceId))
    .leftJoin(teams, eq(teams.id, runbooks.ownerTeamId))
    .where(sql`${alertname} = any(${runbooks.alertNames})`)
    .orderBy(asc(runbooks.title))
    .limit(50);
  if (!service) return rows;
  const own = rows.filter((r) => r.serviceSlug === service);
  if (own.length) return own;
  const generic = rows.filter((r) => r.serviceId === null);
  return generic.length ? generic : rows;
}

export async function listRunbookAlertNames(db: Executor): Promise<string[]> {
  const rows = await db.select({ name: sql<string>`distinct unnest(${runbooks.alertNames})` }).from(runbooks);
  return rows.map((r) => r.name).sort();
}

export async function listRevisions(db: Executor, runbookId: string) {
  return db
    .select()
    .from(runbookRevisions)
    .where(eq(runbookRevisions.runbookId, runbookId))
    .orderBy(desc(runbookRevisions.version));
}

/** Every runbook with its service and team slugs, for export. */
export async function allRunbooksForExport(db: Executor) {
  return db
    .select({ runbook: runbooks, serviceSlug: services.slug, teamSlug: teams.slug })
    .from(runbooks)
    .leftJoin(services, eq(services.id, runbooks.serviceId))
    .leftJoin(teams, eq(teams.id, runbooks.ownerTeamId))
    .orderBy(asc(runbooks.slug));
}

/** Snippets read as prose: markdown markers (#, *, `, fences) would only be noise. */
function stripMarkdown(s: string): string {
  return s
    .replace(/```[a-z]*/g, ' ')
    .replace(/[#*`>|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
