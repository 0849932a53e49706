import { and, asc, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { ensureVersion, mutate } from '@/db/platform/mutation';
import { parseOrThrow } from '@/db/platform/parse';
import {
  incidentServices,
  incidentSlos,
  incidents,
  incidentTimeline,
  services,
  slos,
  users,
} from '@/db/schema';
import type { Actor } from '@/lib/audit';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { incidentDurations } from '@/lib/incidents/metrics';
import type { IncidentSeverity, IncidentStatus, Milestone, TimelineKind } from '@/lib/incidents/types';
import {
  type IncidentInput,
  incidentInput,
  incidentStatusInput,
  milestoneInput,
  timelineInput,
} from '@/lib/incidents/validation';

const MILESTONE_COLUMN = {
  started: 'startedAt',
  detected: 'detectedAt',
  acknowledged: 'acknowledgedAt',
  mitigated: 'mitigatedAt',
  resolved: 'resolvedAt',
} as const;

const authorOf = (actor: Actor) => ({
  authorId: actor.type === 'user' ? actor.id : null,
  authorLabel: actor.label,
});

export async function appendTimeline(
  tx: Executor,
  actor: Actor,
  incidentId: string,
  entry: { kind: TimelineKind; text: string; at?: Date; dedupKey?: string },
) {
  const [row] = await tx
    .insert(incidentTimeline)
    .values({
      incidentId,
      at: entry.at ?? new Date(),
      kind: entry.kind,
      text: entry.text,
      dedupKey: entry.dedupKey,
      ...authorOf(actor),
    })
    .onConflictDoNothing()
    .returning();
  return row ?? null;
}

async function setLinks(tx: Executor, incidentId: string, serviceIds: string[], sloIds: string[]) {
  await tx.delete(incidentServices).where(eq(incidentServices.incidentId, incidentId));
  await tx.delete(incidentSlos).where(eq(incidentSlos.incidentId, incidentId));
  // An affected SLO's service is affected too.
  const sloServices = sloIds.length
    ? (await tx.select({ serviceId: slos.serviceId }).from(slos).where(inArray(slos.id, sloIds))).map(
        (r) => r.serviceId,
      )
    : [];
  const allServices = [...new Set([...serviceIds, ...sloServices])];
  if (allServices.length)
    await tx.insert(incidentServices).values(allServices.map((serviceId) => ({ incidentId, serviceId })));
  if (sloIds.length) await tx.insert(incidentSlos).values(sloIds.map((sloId) => ({ incidentId, sloId })));
}

export interface NewIncidentExtras {
  source?: 'manual' | 'alertmanager' | 'slo-alert';
  alertName?: string | null;
  runbookUrl?: string | null;
  resolvedAt?: Date | null;
}

export async function createIncident(
  db: Executor,
  actor: Actor,
  raw: unknown,
  extras: NewIncidentExtras = {},
) {
  const input = parseOrThrow(incidentInput, raw);
  return mutate(
    db,
    actor,
    async ({ tx }) => {
      const startedAt = input.startedAt ?? new Date();
      const detectedAt =
        input.detectedAt ?? (extras.source && extras.source !== 'manual' ? startedAt : new Date());
      if (detectedAt < startedAt)
        throw new ValidationError('Invalid detectedAt', { detectedAt: ['Detected before it started'] });
      const [incident] = await tx
        .insert(incidents)
        .values({
          title: input.title,
          severity: input.severity,
          summary: input.summary,
          startedAt,
          detectedAt,
          commanderId: input.commanderId,
          commsId: input.commsId,
          scribeId: input.scribeId,
          source: extras.source ?? 'manual',
          alertName: extras.alertName ?? null,
          runbookUrl: extras.runbookUrl ?? null,
        })
        .returning();
      await setLinks(tx, incident.id, input.serviceIds, input.sloIds);
      await appendTimeline(tx, actor, incident.id, { kind: 'milestone', text: 'Started', at: startedAt });
      await appendTimeline(tx, actor, incident.id, { kind: 'milestone', text: 'Detected', at: detectedAt });
      await appendTimeline(tx, actor, incident.id, {
        kind: 'status',
        text: `Declared ${input.severity}: ${input.title}`,
      });
      return {
        result: incident,
        change: {
          action: 'incident.create',
          entityType: 'incident',
          entityId: incident.id,
          after: { ...incident, ...input },
        },
      };
    },
    { foreignKey: { message: 'A service, SLO or person no longer exists' } },
  );
}

export async function updateIncident(
  db: Executor,
  actor: Actor,
  id: string,
  expectedVersion: number,
  raw: unknown,
) {
  const input: IncidentInput = parseOrThrow(incidentInput, raw);
  return mutate(
    db,
    actor,
    async ({ tx }) => {
      const before = await tx.query.incidents.findFirst({ where: eq(incidents.id, id) });
      if (!before) throw new NotFoundError('Incident');
      const [row] = await tx
        .update(incidents)
        .set({
          title: input.title,
          severity: input.severity,
          summary: input.summary,
          commanderId: input.commanderId,
          commsId: input.commsId,
          scribeId: input.scribeId,
          version: sql`${incidents.version} + 1`,
          updatedAt: new Date(),
        })
        .where(and(eq(incidents.id, id), eq(incidents.version, expectedVersion)))
        .returning();
      const incident = ensureVersion(row, 'incident');
      await setLinks(tx, id, input.serviceIds, input.sloIds);
      if (before.severity !== input.severity)
        await appendTimeline(tx, actor, id, {
          kind: 'status',
          text: `Severity ${before.severity} → ${input.severity}`,
        });
      return {
        result: incident,
        change: { action: 'incident.update', entityType: 'incident', entityId: id, before, after: input },
      };
    },
    { foreignKey: { message: 'A service, SLO or person no longer exists' } },
  );
}

/** Moves the status; resolving stamps the resolved milestone (and mitigated, if missing). */
export async function setIncidentStatus(
  db: Executor,
  actor: Actor,
  id: string,
  raw: unknown,
  at = new Date(),
) {
  const { status } = parseOrThrow(incidentStatusInput, raw);
  return mutate(db, actor, async ({ tx }) => {
    const before = await tx.query.incidents.findFirst({ where: eq(incidents.id, id) });
    if (!before) throw new NotFoundError('Incident');
    if (before.status === status) return { result: before, change: null };
    const patch: Partial<typeof incidents.$inferInsert> = { status, updatedAt: new Date() };
    if (status === 'resolved') {
      patch.resolvedAt = before.resolvedAt ?? at;
      patch.mitigatedAt = before.mitigatedAt ?? patch.resolvedAt;
      patch.acknowledgedAt = before.acknowledgedAt ?? before.detectedAt ?? patch.resolvedAt;
    } else if (before.status === 'resolved') {
      patch.resolvedAt = null;
    }
    if (status !== 'investigating' && !before.acknowledgedAt && status !== 'resolved')
      patch.acknowledgedAt = at;
    const [incident] = await tx.update(incidents).set(patch).where(eq(incidents.id, id)).returning();
    await appendTimeline(tx, actor, id, { kind: 'status', text: `Status ${before.status} → ${status}`, at });
    for (const m of ['acknowledged', 'mitigated', 'resolved'] as const) {
      const col = MILESTONE_COLUMN[m];
      if (!before[col] && incident[col])
        await appendTimeline(tx, actor, id, {
          kind: 'milestone',
          text: milestoneText(m),
          at: incident[col] ?? at,
        });
    }
    return {
      result: incident,
      change: {
        action: 'incident.status',
        entityType: 'incident',
        entityId: id,
        before: { status: before.status },
        after: { status },
      },
    };
  });
}

const milestoneText = (m: Milestone) => m[0].toUpperCase() + m.slice(1);

export async function setMilestone(db: Executor, actor: Actor, id: string, raw: unknown) {
  const { milestone, at } = parseOrThrow(milestoneInput, raw);
  return mutate(db, actor, async ({ tx }) => {
    const before = await tx.query.incidents.findFirst({ where: eq(incidents.id, id) });
    if (!before) throw new NotFoundError('Incident');
    const col = MILESTONE_COLUMN[milestone];
    const next = { ...before, [col]: at };
    const order = (['startedAt', 'detectedAt', 'acknowledgedAt', 'mitigatedAt', 'resolvedAt'] as const).map(
      (c) => next[c],
    );
    if (milestone !== 'started' && at < next.startedAt)
      throw new ValidationError('Invalid at', { at: ['A milestone cannot precede the start'] });
    if (order[1] && order[2] && order[2] < order[1])
      throw new ValidationError('Invalid at', { at: ['Acknowledged before it was detected'] });
    const [incident] = await tx
      .update(incidents)
      .set({ [col]: at, updatedAt: new Date() })
      .where(eq(incidents.id, id))
      .returning();
    await appendTimeline(tx, actor, id, { kind: 'milestone', text: milestoneText(milestone), at });
    return {
      result: incident,
      change: {
        action: 'incident.milestone',
        entityType: 'incident',
        entityId: id,
        before: { [col]: before[col] },
        after: { [col]: at },
      },
    };
  });
}

export async function addTimelineEntry(db: Executor, actor: Actor, incidentId: string, raw: unknown) {
  const input = parseOrThrow(timelineInput, raw);
  return mutate(db, actor, async ({ tx }) => {
    const exists = await tx.query.incidents.findFirst({
      where: eq(incidents.id, incidentId),
      columns: { id: true },
    });
    if (!exists) throw new NotFoundError('Incident');
    const entry = await appendTimeline(tx, actor, incidentId, {
      kind: input.kind,
      text: input.text,
      at: input.at ?? undefined,
    });
    return {
      result: entry,
      change: { action: 'incident.timeline', entityType: 'incident', entityId: incidentId, after: entry },
    };
  });
}

export interface IncidentFilters {
  status?: IncidentStatus | 'open';
  severity?: IncidentSeverity;
  serviceId?: string;
  from?: Date;
  to?: Date;
  limit?: number;
}

export async function listIncidents(db: Executor, f: IncidentFilters = {}) {
  const where = [
    f.status === 'open'
      ? sql`${incidents.status} <> 'resolved'`
      : f.status
        ? eq(incidents.status, f.status)
        : undefined,
    f.severity ? eq(incidents.severity, f.severity) : undefined,
    f.serviceId
      ? sql`exists (select 1 from ${incidentServices} s where s.incident_id = ${incidents.id} and s.service_id = ${f.serviceId})`
      : undefined,
    f.from ? gte(incidents.startedAt, f.from) : undefined,
    f.to ? lt(incidents.startedAt, f.to) : undefined,
  ].filter(Boolean);
  const rows = await db
    .select({
      id: incidents.id,
      number: incidents.number,
      title: incidents.title,
      severity: incidents.severity,
      status: incidents.status,
      source: incidents.source,
      startedAt: incidents.startedAt,
      detectedAt: incidents.detectedAt,
      acknowledgedAt: incidents.acknowledgedAt,
      mitigatedAt: incidents.mitigatedAt,
      resolvedAt: incidents.resolvedAt,
      services: sql<
        string[]
      >`coalesce((select array_agg(sv.slug order by sv.slug) from ${incidentServices} isv join ${services} sv on sv.id = isv.service_id where isv.incident_id = ${incidents.id}), '{}')`,
      postmortemId: sql<
        string | null
      >`(select p.id::text from postmortems p where p.incident_id = ${incidents.id})`,
      postmortemStatus: sql<
        string | null
      >`(select p.status from postmortems p where p.incident_id = ${incidents.id})`,
    })
    .from(incidents)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(incidents.startedAt))
    .limit(Math.min(f.limit ?? 500, 1000));
  return rows.map((r) => ({ ...r, ...incidentDurations(r) }));
}
export type IncidentListRow = Awaited<ReturnType<typeof listIncidents>>[number];

export async function getIncident(db: Executor, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const incident = await db.query.incidents.findFirst({ where: eq(incidents.id, id) });
  if (!incident) return null;
  const [timeline, svc, sloRows, people] = await Promise.all([
    db
      .select()
      .from(incidentTimeline)
      .where(eq(incidentTimeline.incidentId, id))
      .orderBy(asc(incidentTimeline.at), asc(incidentTimeline.createdAt)),
    db
      .select({ id: services.id, slug: services.slug, name: services.name })
      .from(incidentServices)
      .innerJoin(services, eq(services.id, incidentServices.serviceId))
      .where(eq(incidentServices.incidentId, id)),
    db
      .select({ id: slos.id, slug: slos.slug, name: slos.name })
      .from(incidentSlos)
      .innerJoin(slos, eq(slos.id, incidentSlos.sloId))
      .where(eq(incidentSlos.incidentId, id)),
    db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(
        inArray(
          users.id,
          [incident.commanderId, incident.commsId, incident.scribeId]
            .filter((x): x is string => !!x)
            .concat(['00000000-0000-0000-0000-000000000000']),
        ),
      ),
  ]);
  const nameOf = (uid: string | null) => people.find((p) => p.id === uid)?.name ?? null;
  const { searchVector: _sv, ...rest } = incident;
  return {
    ...rest,
    durations: incidentDurations(incident),
    timeline: timeline.map(({ dedupKey: _d, ...t }) => t),
    services: svc,
    slos: sloRows,
    roles: {
      commander: nameOf(incident.commanderId),
      comms: nameOf(incident.commsId),
      scribe: nameOf(incident.scribeId),
    },
  };
}
export type IncidentDetail = NonNullable<Awaited<ReturnType<typeof getIncident>>>;
