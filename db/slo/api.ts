import { desc, eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { getPolicy } from '@/db/platform/settings';
import { gateDecisions } from '@/db/schema';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { CHANGE_KINDS, type ChangeKind } from '@/lib/slo/policy';
import { round } from './api-json';
import { type OverviewQuery, queryOverview } from './overview';
import { readApiSnapshots, readOverviewSnapshots } from './snapshots';
import { computeSloStatuses, type SloStatusView } from './status';

export { sloToJson } from './api-json';

import { getSloRow, listSloRows } from './slos';

export async function sloStatusBySlug(db: Executor, slug: string, now = new Date()): Promise<SloStatusView> {
  const [row, policy] = await Promise.all([getSloRow(db, slug), getPolicy(db)]);
  if (!row) throw new NotFoundError(`SLO "${slug}"`);
  const [view] = await computeSloStatuses(db, [row], policy, now);
  return view;
}

export async function allSloStatuses(
  db: Executor,
  now = new Date(),
  services?: string[],
): Promise<SloStatusView[]> {
  const [all, policy] = await Promise.all([listSloRows(db), getPolicy(db)]);
  const rows = all.filter((r) => !services || services.includes(r.serviceSlug));
  return computeSloStatuses(db, rows, policy, now);
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
    change: change as ChangeKind,
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

// Open dashboards ask for the same few pages: each answer is kept with the shared copy of the
// snapshots it came from, and goes with it (at most 2 s, or at the next write). The same
// object is handed to every reader, so the route can keep its encoded body beside it.
type OverviewAnswer = ReturnType<typeof queryOverview> & { asOf: string };
const answers = new WeakMap<object, Map<string, OverviewAnswer>>();

/**
 * The overview page's data (also served to its 30-second refresh), from the snapshots.
 * `asOf` is when this answer was read from them. Shared: callers must not modify it.
 */
export async function loadOverview(db: Executor, query: OverviewQuery): Promise<Readonly<OverviewAnswer>> {
  const rows = await readOverviewSnapshots(db);
  const key = JSON.stringify(query);
  let byQuery = answers.get(rows);
  if (!byQuery) {
    byQuery = new Map();
    answers.set(rows, byQuery);
  }
  let answer = byQuery.get(key);
  if (!answer) {
    answer = { ...queryOverview(rows, query), asOf: new Date().toISOString() };
    if (byQuery.size < 500) byQuery.set(key, answer);
  }
  return answer;
}

/** The list API's SLOs (optionally of some services), from the snapshots. */
export async function listApiSlos(db: Executor, services?: string[]) {
  return readApiSnapshots(db, services);
}
