import { desc, eq } from 'drizzle-orm';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { CHANGE_KINDS, type ChangeKind } from '@/lib/slo/policy';
import type { Executor } from '../client';
import { gateDecisions } from '../schema';
import { getPolicy } from './settings';
import { type OverviewQuery, overviewRows, queryOverview } from './slo-overview';
import { computeSloStatuses, type SloStatusView } from './slo-status';
import { getSloRow, listSloRows } from './slos';

const round = (v: number | null, digits = 6) =>
  v === null ? null : Math.round(v * 10 ** digits) / 10 ** digits;

/** The JSON shape of an SLO in the machine API: the same numbers the pages show (SPEC 3). */
export function sloToJson(v: SloStatusView) {
  return {
    slug: v.slo.slug,
    name: v.slo.name,
    service: v.slo.serviceSlug,
    team: v.slo.teamSlug,
    sliKind: v.slo.sliKind,
    target: v.slo.target,
    window: v.window,
    budgetingMethod: v.slo.budgetingMethod,
    timesliceTarget: v.slo.timesliceTarget,
    windowStart: v.range.start.toISOString(),
    windowEnd: v.range.end.toISOString(),
    attainment: round(v.budget.attainment, 9),
    budgetRemaining: {
      fraction: round(v.budget.remaining),
      unit: v.budget.unit,
      total: round(v.budget.budgetTotal, 3),
      consumed: round(v.budget.budgetConsumed, 3),
      left: round(v.budget.budgetTotal - v.budget.budgetConsumed, 3),
    },
    correctedMinutes: v.correctedMinutes,
    status: v.status,
    burnRates: Object.fromEntries(Object.entries(v.burnRates).map(([k, b]) => [k, round(b, 4)])),
    timeToExhaustionMinutes: round(v.timeToExhaustionMinutes, 1),
    alerts: v.alerts.map((a) => ({
      tier: a.tier,
      severity: a.severity,
      longWindow: a.long,
      shortWindow: a.short,
      factor: round(a.factor, 4),
      longBurn: round(a.longBurn, 4),
      shortBurn: round(a.shortBurn, 4),
      firing: a.firing,
      suppressed: a.suppressed,
    })),
    alertsFiring: v.firing.map((a) => ({
      tier: a.tier,
      severity: a.severity,
      longWindow: a.long,
      shortWindow: a.short,
    })),
  };
}

export async function sloStatusBySlug(db: Executor, slug: string, now = new Date()): Promise<SloStatusView> {
  const row = await getSloRow(db, slug);
  if (!row) throw new NotFoundError(`SLO "${slug}"`);
  const [view] = await computeSloStatuses(db, [row], await getPolicy(db), now);
  return view;
}

export async function allSloStatuses(
  db: Executor,
  now = new Date(),
  services?: string[],
): Promise<SloStatusView[]> {
  const rows = (await listSloRows(db)).filter((r) => !services || services.includes(r.serviceSlug));
  return computeSloStatuses(db, rows, await getPolicy(db), now);
}

/** The deploy gate (SPEC 1.2): the verdict for a change kind, recorded with who asked. */
export async function askGate(db: Executor, slug: string, change: string | null, askedBy: string) {
  if (!CHANGE_KINDS.includes(change as ChangeKind)) {
    throw new ValidationError('Invalid change', {
      change: [`change must be one of ${CHANGE_KINDS.join(', ')}`],
    });
  }
  const view = await sloStatusBySlug(db, slug);
  const decision = view.gate[change as ChangeKind];
  await db.insert(gateDecisions).values({
    sloId: view.slo.id,
    change: change as string,
    allowed: decision.allowed,
    status: view.status,
    budgetRemaining: view.budget.remaining,
    reason: decision.reason,
    askedBy,
  });
  return {
    allowed: decision.allowed,
    status: view.status,
    budgetRemaining: round(view.budget.remaining),
    reason: decision.reason,
    change,
    slo: slug,
  };
}

export async function recentGateDecisions(db: Executor, sloId: string, limit = 10) {
  return db
    .select()
    .from(gateDecisions)
    .where(eq(gateDecisions.sloId, sloId))
    .orderBy(desc(gateDecisions.at))
    .limit(limit);
}

/** The overview page's data (also served to its 30-second refresh). */
export async function loadOverview(db: Executor, query: OverviewQuery) {
  const views = await allSloStatuses(db);
  return queryOverview(await overviewRows(db, views), query);
}
