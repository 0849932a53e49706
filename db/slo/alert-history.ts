import { and, asc, desc, eq, gte, inArray, lt } from 'drizzle-orm';
import type { DB, Executor } from '@/db/client';
import { alertTransitionHooks } from '@/db/hooks';
import { sloAlertEvents, sloAlertStates, slos } from '@/db/schema';
import { NotFoundError, ValidationError } from '@/lib/errors';
import type { AlertSeverity, AlertState } from '@/lib/slo/alerts';
import type { ApiSlo } from './snapshots';

/** One change of an alert tier's state, as recorded in the history and handed to the hooks. */
export interface AlertTransition {
  sloId: string;
  slug: string;
  name: string;
  service: string;
  tier: number;
  severity: AlertSeverity;
  /** null: the first time this tier was evaluated. */
  from: AlertState | null;
  to: AlertState;
  at: Date;
  longWindow: string;
  shortWindow: string;
  factor: number;
  longBurn: number | null;
  shortBurn: number | null;
}

/**
 * Called once per deployment for every recorded transition, after it is committed
 * (e.g. incidents: a page alert starts firing → open an incident). Register in db/hooks.ts.
 */
export type AlertTransitionHook = (db: DB, transition: AlertTransition) => Promise<void>;

type ApiAlert = ApiSlo['alerts'][number];
const stateOf = (a: Pick<ApiAlert, 'firing' | 'suppressed'>): AlertState =>
  a.firing ? 'firing' : a.suppressed ? 'suppressed' : 'resolved';

/**
 * Records every alert state change of these freshly computed SLOs (the API
 * shape of the snapshots). Each change is a compare-and-set on the tier's
 * state row: when two evaluators race, only the one that moves the row writes
 * the history entry, so each transition is recorded exactly once.
 */
export async function recordAlertTransitions(db: DB, computed: ApiSlo[], now = new Date()) {
  if (computed.length === 0) return [];
  const idBySlug = new Map(
    (await db.select({ id: slos.id, slug: slos.slug }).from(slos)).map((r) => [r.slug, r.id] as const),
  );
  const ids = computed.map((c) => idBySlug.get(c.slug)).filter((id): id is string => !!id);
  const current = await db.select().from(sloAlertStates).where(inArray(sloAlertStates.sloId, ids));
  const stateOfRow = new Map(current.map((r) => [`${r.sloId}|${r.tier}`, r.state]));
  const recorded: AlertTransition[] = [];
  for (const slo of computed) {
    const sloId = idBySlug.get(slo.slug);
    if (!sloId) continue;
    for (const a of slo.alerts) {
      const to = stateOf(a);
      const previous = stateOfRow.get(`${sloId}|${a.tier}`) ?? null;
      if ((previous ?? 'resolved') === to) continue;
      const transition: AlertTransition = {
        sloId,
        slug: slo.slug,
        name: slo.name,
        service: slo.service,
        tier: a.tier,
        severity: a.severity,
        from: previous,
        to,
        at: now,
        longWindow: a.longWindow,
        shortWindow: a.shortWindow,
        factor: a.factor ?? 0,
        longBurn: a.longBurn,
        shortBurn: a.shortBurn,
      };
      const won = await db.transaction(async (tx) => {
        const row = {
          sloId,
          tier: a.tier,
          state: to,
          since: now,
          longBurn: a.longBurn,
          shortBurn: a.shortBurn,
          updatedAt: now,
        };
        const moved =
          previous === null
            ? await tx
                .insert(sloAlertStates)
                .values(row)
                .onConflictDoNothing()
                .returning({ t: sloAlertStates.tier })
            : await tx
                .update(sloAlertStates)
                .set(row)
                .where(
                  and(
                    eq(sloAlertStates.sloId, sloId),
                    eq(sloAlertStates.tier, a.tier),
                    eq(sloAlertStates.state, previous),
                  ),
                )
                .returning({ t: sloAlertStates.tier });
        if (moved.length === 0) return false; // another evaluator got there first
        await tx.insert(sloAlertEvents).values({
          sloId,
          at: now,
          tier: a.tier,
          severity: a.severity,
          state: to,
          previousState: previous,
          longWindow: a.longWindow,
          shortWindow: a.shortWindow,
          factor: transition.factor,
          longBurn: a.longBurn,
          shortBurn: a.shortBurn,
        });
        return true;
      });
      if (won) recorded.push(transition);
    }
  }
  for (const t of recorded) {
    for (const hook of alertTransitionHooks) {
      await hook(db, t).catch((err) => console.error('alert transition hook failed', err));
    }
  }
  return recorded;
}

export type AlertEventRow = typeof sloAlertEvents.$inferSelect;

/** The alert history of one SLO in [from, to), newest first. */
export async function alertHistory(db: Executor, sloId: string, from?: Date, to?: Date, limit = 500) {
  const where = [eq(sloAlertEvents.sloId, sloId)];
  if (from) where.push(gte(sloAlertEvents.at, from));
  if (to) where.push(lt(sloAlertEvents.at, to));
  return db
    .select()
    .from(sloAlertEvents)
    .where(and(...where))
    .orderBy(desc(sloAlertEvents.at), asc(sloAlertEvents.tier))
    .limit(limit);
}

function instant(raw: string | null, field: string): Date | undefined {
  if (raw === null || raw === '') return undefined;
  const d = new Date(raw);
  if (Number.isNaN(d.getTime())) {
    throw new ValidationError(`Invalid ${field}`, { [field]: [`${field} must be an ISO 8601 instant`] });
  }
  return d;
}

/** GET /api/v1/slos/{slug}/alerts?from=&to= (SPEC 3). */
export async function alertHistoryBySlug(
  db: Executor,
  slug: string,
  rawFrom: string | null,
  rawTo: string | null,
) {
  const [slo] = await db.select({ id: slos.id }).from(slos).where(eq(slos.slug, slug));
  if (!slo) throw new NotFoundError(`SLO "${slug}"`);
  const from = instant(rawFrom, 'from');
  const to = instant(rawTo, 'to');
  if (from && to && to <= from) throw new ValidationError('Invalid range', { to: ['to must be after from'] });
  const rows = await alertHistory(db, slo.id, from, to);
  return {
    slo: slug,
    from: from?.toISOString() ?? null,
    to: to?.toISOString() ?? null,
    events: rows.map((r) => ({
      at: r.at.toISOString(),
      tier: r.tier,
      severity: r.severity,
      state: r.state,
      previousState: r.previousState,
      longWindow: r.longWindow,
      shortWindow: r.shortWindow,
      factor: r.factor,
      longBurn: r.longBurn,
      shortBurn: r.shortBurn,
    })),
  };
}
