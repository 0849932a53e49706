import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { mutate } from '@/db/platform/mutation';
import { parseOrThrow } from '@/db/platform/parse';
import { incidents, serviceIncidentSettings, sloAlertIncidents, slos } from '@/db/schema';
import type { Actor } from '@/lib/audit';
import { ConflictError, NotFoundError } from '@/lib/errors';
import type { IncidentMode, IncidentSeverity } from '@/lib/incidents/types';
import { incidentModeInput } from '@/lib/incidents/validation';
import { appendTimeline, createIncident } from './incidents';

// From burn to incident (issue item 2): the SLO alert evaluation calls
// onSloAlertTransition when a tier starts or stops firing; what happens depends on
// the service's setting off / suggest / open.

export const DEFAULT_INCIDENT_MODE: IncidentMode = 'suggest';

export interface SloAlertTransition {
  sloId: string;
  /** 1–4 as in the alert table (SPEC 2). */
  tier: number;
  severity: 'page' | 'ticket';
  state: 'firing' | 'resolved';
  at: Date;
  /** Burn rates of the tier's windows, for the timeline, e.g. { '1h': 15.2, '5m': 20.1 }. */
  burns?: Record<string, number | null>;
}

export type TransitionOutcome =
  | { action: 'ignored' | 'off' | 'deduplicated' | 'not-firing' }
  | { action: 'suggested'; suggestionId: string }
  | { action: 'opened'; incidentId: string; suggestionId: string }
  | { action: 'resolved'; incidentId: string | null; suggestResolve: boolean };

export async function getIncidentMode(db: Executor, serviceId: string): Promise<IncidentMode> {
  const [row] = await db
    .select({ mode: serviceIncidentSettings.mode })
    .from(serviceIncidentSettings)
    .where(eq(serviceIncidentSettings.serviceId, serviceId));
  return row?.mode ?? DEFAULT_INCIDENT_MODE;
}

export async function setIncidentMode(db: Executor, actor: Actor, serviceId: string, raw: unknown) {
  const { mode } = parseOrThrow(incidentModeInput, raw);
  return mutate(
    db,
    actor,
    async ({ tx }) => {
      const before = await getIncidentMode(tx, serviceId);
      await tx
        .insert(serviceIncidentSettings)
        .values({ serviceId, mode })
        .onConflictDoUpdate({
          target: serviceIncidentSettings.serviceId,
          set: { mode, updatedAt: new Date() },
        });
      return {
        result: mode,
        change: {
          action: 'service.incident_mode',
          entityType: 'service',
          entityId: serviceId,
          before: { mode: before },
          after: { mode },
        },
      };
    },
    { foreignKey: { message: 'Service not found' } },
  );
}

const burnText = (burns: SloAlertTransition['burns']) =>
  Object.entries(burns ?? {})
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => `${k} ${Number(v).toFixed(1)}×`)
    .join(', ');

const severityForTier = (tier: number): IncidentSeverity => (tier <= 1 ? 'SEV2' : 'SEV3');

/** The incident side of an SLO alert transition; idempotent while the tier keeps firing. */
export async function onSloAlertTransition(
  db: Executor,
  actor: Actor,
  t: SloAlertTransition,
): Promise<TransitionOutcome> {
  if (t.severity !== 'page') return { action: 'ignored' };
  return mutate<TransitionOutcome>(db, actor, async ({ tx }) => {
    const slo = await tx.query.slos.findFirst({ where: eq(slos.id, t.sloId) });
    if (!slo) throw new NotFoundError('SLO');
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`slo-alert:${t.sloId}`}))`);
    const active = await tx
      .select()
      .from(sloAlertIncidents)
      .where(and(eq(sloAlertIncidents.sloId, t.sloId), isNull(sloAlertIncidents.resolvedAt)));
    const same = active.find((a) => a.tier === t.tier);

    if (t.state === 'resolved') {
      if (!same) return { result: { action: 'not-firing' } as const, change: null };
      await tx.update(sloAlertIncidents).set({ resolvedAt: t.at }).where(eq(sloAlertIncidents.id, same.id));
      let suggestResolve = false;
      if (same.incidentId) {
        const inc = await tx.query.incidents.findFirst({
          where: eq(incidents.id, same.incidentId),
          columns: { status: true },
        });
        suggestResolve = !!inc && inc.status !== 'resolved' && active.length === 1;
        await appendTimeline(tx, actor, same.incidentId, {
          kind: 'alert',
          text: `SLO ${slo.name}: tier ${t.tier} alert stopped firing${suggestResolve ? ' — the burn is over, consider resolving' : ''}`,
          at: t.at,
          dedupKey: `slo-alert:${same.id}:resolved`,
        });
      }
      const result = { action: 'resolved', incidentId: same.incidentId, suggestResolve } as const;
      return {
        result,
        change: {
          action: 'slo_alert.resolved',
          entityType: 'slo',
          entityId: t.sloId,
          after: { tier: t.tier, ...result },
        },
      };
    }

    if (same) return { result: { action: 'deduplicated' } as const, change: null };
    const mode = await getIncidentMode(tx, slo.serviceId);
    if (mode === 'off') return { result: { action: 'off' } as const, change: null };
    // Another tier of the same SLO already has an incident: it is the same outage.
    const linked = active.find((a) => a.incidentId);
    const text = `SLO ${slo.name}: tier ${t.tier} ${t.severity} alert firing${burnText(t.burns) ? ` (burn ${burnText(t.burns)})` : ''}`;
    if (mode === 'suggest' && !linked) {
      const [row] = await tx
        .insert(sloAlertIncidents)
        .values({
          sloId: t.sloId,
          tier: t.tier,
          severity: t.severity,
          outcome: 'suggested',
          firingAt: t.at,
          burns: t.burns ?? {},
        })
        .returning();
      return {
        result: { action: 'suggested', suggestionId: row.id } as const,
        change: { action: 'slo_alert.suggested', entityType: 'slo', entityId: t.sloId, after: row },
      };
    }
    let incidentId = linked?.incidentId ?? null;
    if (!incidentId) {
      const incident = await createIncident(
        tx,
        actor,
        {
          title: `${slo.name} is burning its error budget`,
          severity: severityForTier(t.tier),
          startedAt: t.at,
          detectedAt: t.at,
          sloIds: [t.sloId],
        },
        { source: 'slo-alert', alertName: `slo:${slo.slug}:tier${t.tier}`, runbookUrl: slo.runbookUrl },
      );
      incidentId = incident.id;
    }
    const [row] = await tx
      .insert(sloAlertIncidents)
      .values({
        sloId: t.sloId,
        tier: t.tier,
        severity: t.severity,
        outcome: 'opened',
        incidentId,
        firingAt: t.at,
        burns: t.burns ?? {},
      })
      .returning();
    await appendTimeline(tx, actor, incidentId, {
      kind: 'alert',
      text,
      at: t.at,
      dedupKey: `slo-alert:${row.id}:firing`,
    });
    return {
      result: { action: 'opened', incidentId, suggestionId: row.id } as const,
      change: { action: 'slo_alert.opened', entityType: 'slo', entityId: t.sloId, after: row },
    };
  });
}

/** What the SLO page's banner shows: firing suggestions to declare, and incidents whose alert stopped. */
export async function sloIncidentBanner(db: Executor, sloId: string) {
  const rows = await db
    .select({
      id: sloAlertIncidents.id,
      tier: sloAlertIncidents.tier,
      outcome: sloAlertIncidents.outcome,
      firingAt: sloAlertIncidents.firingAt,
      resolvedAt: sloAlertIncidents.resolvedAt,
      incidentId: sloAlertIncidents.incidentId,
      incidentNumber: incidents.number,
      incidentStatus: incidents.status,
    })
    .from(sloAlertIncidents)
    .leftJoin(incidents, eq(incidents.id, sloAlertIncidents.incidentId))
    .where(eq(sloAlertIncidents.sloId, sloId))
    .orderBy(desc(sloAlertIncidents.firingAt))
    .limit(20);
  return {
    suggestions: rows.filter((r) => r.outcome === 'suggested' && !r.resolvedAt),
    resolveSuggestions: rows.filter(
      (r) =>
        r.incidentId &&
        r.resolvedAt &&
        r.incidentStatus &&
        r.incidentStatus !== 'resolved' &&
        !rows.some((o) => o.incidentId === r.incidentId && !o.resolvedAt),
    ),
  };
}

export async function declareFromSuggestion(db: Executor, actor: Actor, suggestionId: string) {
  return mutate(db, actor, async ({ tx }) => {
    const [s] = await tx
      .select()
      .from(sloAlertIncidents)
      .where(eq(sloAlertIncidents.id, suggestionId))
      .for('update');
    if (!s) throw new NotFoundError('Suggestion');
    if (s.outcome !== 'suggested') throw new ConflictError('Someone already declared or dismissed this');
    const slo = await tx.query.slos.findFirst({ where: eq(slos.id, s.sloId) });
    if (!slo) throw new NotFoundError('SLO');
    const incident = await createIncident(
      tx,
      actor,
      {
        title: `${slo.name} is burning its error budget`,
        severity: severityForTier(s.tier),
        startedAt: s.firingAt,
        sloIds: [s.sloId],
      },
      { source: 'slo-alert', alertName: `slo:${slo.slug}:tier${s.tier}`, runbookUrl: slo.runbookUrl },
    );
    await tx
      .update(sloAlertIncidents)
      .set({ outcome: 'declared', incidentId: incident.id })
      .where(eq(sloAlertIncidents.id, s.id));
    return {
      result: incident,
      change: {
        action: 'slo_alert.declared',
        entityType: 'slo',
        entityId: s.sloId,
        after: { incidentId: incident.id },
      },
    };
  });
}

export async function dismissSuggestion(db: Executor, actor: Actor, suggestionId: string) {
  return mutate(db, actor, async ({ tx }) => {
    const [s] = await tx
      .update(sloAlertIncidents)
      .set({ outcome: 'dismissed' })
      .where(and(eq(sloAlertIncidents.id, suggestionId), eq(sloAlertIncidents.outcome, 'suggested')))
      .returning();
    if (!s) throw new ConflictError('Someone already declared or dismissed this');
    return {
      result: s,
      change: { action: 'slo_alert.dismissed', entityType: 'slo', entityId: s.sloId, after: { id: s.id } },
    };
  });
}
