import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { queryRows } from '@/db/platform/sql';
import { errorRatioOf } from '@/lib/slo/budget';
import type { BudgetingMethod } from '@/lib/slo/definition';
import { type OverviewSort, overviewDir } from '@/lib/slo/overview-sort';
import type { SloStatus } from '@/lib/slo/policy';
import type { CompactTrend } from '@/lib/slo/trend';
import type { SloStatusView } from './status';

export interface OverviewRow {
  slug: string;
  name: string;
  serviceSlug: string;
  serviceName: string;
  teamSlug: string | null;
  teamName: string | null;
  /** The service's tags, for search. */
  tags?: string[];
  tier: number;
  target: number;
  windowLabel: string;
  method: string;
  attainment: number | null;
  remaining: number | null;
  /** The budget in its unit and what is used of it; formatted on render. */
  budgetTotal: number;
  budgetConsumed: number;
  budgetUnit: 'events' | 'minutes';
  status: SloStatus;
  /** The burn of a firing page alert, shown beside the status ("Healthy · burning 30×"). */
  pagingBurn: number | null;
  burn1h: number | null;
  burn6h: number | null;
  firing: { tier: number; severity: 'page' | 'ticket' }[];
  /** Daily attainment over the last 30 days, oldest first (lib/slo/trend). */
  trend: CompactTrend['trend'];
  trendFrom: number;
}

export { OVERVIEW_SORTS, type OverviewSort } from '@/lib/slo/overview-sort';

export interface OverviewQuery {
  q?: string;
  service?: string;
  team?: string;
  tier?: string;
  status?: string;
  sort?: OverviewSort;
  dir?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
}

const DAY = 86_400_000;
const TREND_DAYS = 30;

/**
 * Daily attainment over the last 30 days for every SLO, from the daily rollup (one query),
 * as one value per day: 6 decimals are far finer than a 110-pixel sparkline can show, and
 * keep a page of 50 rows small for the 30-second refresh.
 */
async function trends(
  db: Executor,
  views: SloStatusView[],
): Promise<{ from: number; bySlo: Map<string, (number | null)[]> }> {
  const from = Math.floor(Date.now() / DAY) * DAY - (TREND_DAYS - 1) * DAY;
  const ids = `{${views.map((v) => v.slo.id).join(',')}}`;
  const rows = await queryRows<{
    slo_id: string;
    day: string | Date;
    good: number;
    total: number;
    minutes: number;
    bad_minutes: number;
    ratio_sum: number;
  }>(
    db,
    sql`select slo_id::text as slo_id, day, good, total, minutes, bad_minutes, ratio_sum from sli_daily
        where slo_id = any(${ids}::uuid[]) and day >= ${new Date(from).toISOString()}::timestamptz`,
  );
  const method = new Map(views.map((v) => [v.slo.id, v.slo.budgetingMethod as BudgetingMethod]));
  const bySlo = new Map<string, (number | null)[]>();
  for (const r of rows) {
    const m = method.get(r.slo_id);
    const i = Math.round((new Date(r.day).getTime() - from) / DAY);
    if (!m || i < 0 || i >= TREND_DAYS) continue;
    const e = errorRatioOf(m, {
      good: Number(r.good),
      total: Number(r.total),
      minutesWithData: Number(r.minutes),
      badMinutes: Number(r.bad_minutes),
      ratioSum: Number(r.ratio_sum),
    });
    let list = bySlo.get(r.slo_id);
    if (!list) {
      list = new Array(TREND_DAYS).fill(null);
      bySlo.set(r.slo_id, list);
    }
    list[i] = e === null ? null : Math.round((1 - e) * 1e6) / 1e6;
  }
  return { from, bySlo };
}

export async function overviewRows(db: Executor, views: SloStatusView[]): Promise<OverviewRow[]> {
  const trend = await trends(db, views);
  const none: (number | null)[] = new Array(TREND_DAYS).fill(null);
  return views.map((v) => ({
    slug: v.slo.slug,
    name: v.slo.name,
    serviceSlug: v.slo.serviceSlug,
    serviceName: v.slo.serviceName,
    teamSlug: v.slo.teamSlug,
    teamName: v.slo.teamName,
    tags: v.slo.serviceTags ?? [],
    tier: v.slo.serviceTier,
    target: v.slo.target,
    windowLabel: v.windowLabel,
    method: v.slo.budgetingMethod,
    attainment: v.budget.attainment,
    remaining: v.budget.remaining,
    budgetTotal: v.budget.budgetTotal,
    budgetConsumed: v.budget.budgetConsumed,
    budgetUnit: v.budget.unit,
    status: v.status,
    pagingBurn: v.pagingBurn,
    burn1h: v.burnRates['1h'],
    burn6h: v.burnRates['6h'],
    firing: v.firing.map((a) => ({ tier: a.tier, severity: a.severity })),
    trend: trend.bySlo.get(v.slo.id) ?? none,
    trendFrom: trend.from,
  }));
}

/** How bad a status is: sorting by status descending shows depleted first, healthy last. */
const STATUS_SEVERITY: Record<SloStatus, number> = {
  healthy: 0,
  unknown: 1,
  warning: 2,
  critical: 3,
  depleted: 4,
};
/** Two numbers in the order asked for; no data sorts last either way ("no data" is not "least budget"). */
function num(a: number | null, b: number | null, dir: number): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return (a - b) * dir;
}

/** 0: a page alert fires, 1: a ticket fires, 2: the rest. */
const urgency = (r: OverviewRow) =>
  r.firing.some((f) => f.severity === 'page') ? 0 : r.firing.length > 0 ? 1 : 2;

/** Filters, sorts and pages computed rows; also returns the organisation summary over all rows. */
export function queryOverview(rows: OverviewRow[], q: OverviewQuery) {
  const text = q.q?.trim().toLowerCase();
  const filtered = rows.filter(
    (r) =>
      (!text ||
        [r.name, r.slug, r.serviceName, r.serviceSlug, r.teamName ?? '', r.teamSlug ?? '', ...(r.tags ?? [])]
          .join(' ')
          .toLowerCase()
          .includes(text)) &&
      (!q.service || r.serviceSlug === q.service) &&
      (!q.team || r.teamSlug === q.team) &&
      (!q.tier || String(r.tier) === q.tier) &&
      (!q.status || r.status === q.status || (q.status === 'firing' && r.firing.length > 0)),
  );
  // Default: what needs someone now — firing pages, then firing tickets, then least budget left,
  // SLOs without data last (SPEC 1.2). Every other sort means what its `dir` says (aria-sort shows
  // it), with no data last both ways; a sort without `dir` takes its worst-first direction.
  const sort: OverviewSort = q.sort ?? 'triage';
  const dir = overviewDir(sort, q.dir) === 'desc' ? -1 : 1;
  const leastBudget = (a: OverviewRow, b: OverviewRow) => num(a.remaining, b.remaining, 1);
  filtered.sort((a, b) => {
    switch (sort) {
      case 'name':
        return a.name.localeCompare(b.name) * dir;
      case 'service':
        return a.serviceName.localeCompare(b.serviceName) * dir || a.name.localeCompare(b.name);
      case 'attainment':
        return num(a.attainment, b.attainment, dir) || a.name.localeCompare(b.name);
      case 'burn':
        return num(a.burn1h, b.burn1h, dir) || a.name.localeCompare(b.name);
      case 'burn6h':
        return num(a.burn6h, b.burn6h, dir) || a.name.localeCompare(b.name);
      case 'status':
        return (STATUS_SEVERITY[a.status] - STATUS_SEVERITY[b.status]) * dir || leastBudget(a, b);
      case 'budget':
        return num(a.remaining, b.remaining, dir) || a.name.localeCompare(b.name);
      default:
        return urgency(a) - urgency(b) || leastBudget(a, b) || a.name.localeCompare(b.name);
    }
  });
  const pageSize = q.pageSize ?? 50;
  const pages = Math.max(1, Math.ceil(filtered.length / pageSize));
  const page = Math.min(Math.max(1, q.page ?? 1), pages);
  const summary = {
    total: rows.length,
    byStatus: Object.fromEntries(
      (['healthy', 'warning', 'critical', 'depleted', 'unknown'] as const).map((s) => [
        s,
        rows.filter((r) => r.status === s).length,
      ]),
    ) as Record<SloStatus, number>,
    pagesFiring: rows.filter((r) => r.firing.some((f) => f.severity === 'page')).length,
    ticketsFiring: rows.filter((r) => r.firing.some((f) => f.severity === 'ticket')).length,
    worst: [...rows]
      .filter((r) => r.remaining !== null)
      .sort((a, b) => num(a.remaining, b.remaining, 1))
      .slice(0, 3)
      .map((r) => ({ slug: r.slug, name: r.name, remaining: r.remaining, status: r.status })),
  };
  return {
    rows: filtered.slice((page - 1) * pageSize, page * pageSize),
    matched: filtered.length,
    page,
    pages,
    summary,
  };
}

export type OverviewResult = ReturnType<typeof queryOverview> & { asOf: string };
