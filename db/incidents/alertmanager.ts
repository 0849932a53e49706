import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { mutate } from '@/db/platform/mutation';
import { parseOrThrow } from '@/db/platform/parse';
import { getSetting } from '@/db/platform/settings';
import { alertmanagerGroups, incidents, services } from '@/db/schema';
import type { Actor } from '@/lib/audit';
import { alertmanagerPayload, DEFAULT_SEVERITY_MAP, mapAlertGroup } from '@/lib/incidents/alertmanager';
import type { IncidentSeverity } from '@/lib/incidents/types';
import { appendTimeline, createIncident, setIncidentStatus } from './incidents';
import { runbookUrlForAlert } from './runbook-link';

export const SEVERITY_MAP_KEY = 'incidents.severityMap';

export interface AlertmanagerResult {
  incidentId: string;
  created: boolean;
  /** False when this exact delivery was already recorded (a re-delivery). */
  changed: boolean;
  status: string;
}

/**
 * One Alertmanager delivery (payload v4): the first for a groupKey opens an incident,
 * later ones append to its timeline, `resolved` resolves it; the same payload twice
 * changes nothing (SPEC 1.3).
 */
export async function receiveAlertmanager(
  db: Executor,
  actor: Actor,
  raw: unknown,
  now = new Date(),
): Promise<AlertmanagerResult> {
  const payload = parseOrThrow(alertmanagerPayload, raw);
  const table = await getSetting<Record<string, IncidentSeverity>>(
    db,
    SEVERITY_MAP_KEY,
    DEFAULT_SEVERITY_MAP,
  );
  const m = mapAlertGroup(payload, now, table);
  const dedupKey = createHash('sha256').update(m.deliveryKey).digest('hex');
  return mutate(db, actor, async ({ tx }) => {
    // Serialise deliveries of one group (Alertmanager may retry while we answer).
    await tx.execute(sqlLock(payload.groupKey));
    const [group] = await tx
      .select()
      .from(alertmanagerGroups)
      .where(eq(alertmanagerGroups.groupKey, payload.groupKey));
    let incidentId = group?.incidentId;
    let created = false;
    if (!incidentId) {
      const service = m.serviceSlug
        ? await tx.query.services.findFirst({
            where: eq(services.slug, m.serviceSlug),
            columns: { id: true },
          })
        : undefined;
      const runbookUrl = (m.alertName ? await runbookUrlForAlert(tx, m.alertName) : null) ?? m.runbookUrl;
      const incident = await createIncident(
        tx,
        actor,
        {
          title: m.title,
          severity: m.severity,
          summary: payload.commonAnnotations.description ?? payload.commonAnnotations.summary ?? '',
          startedAt: m.startedAt,
          detectedAt: m.startedAt,
          serviceIds: service ? [service.id] : [],
        },
        { source: 'alertmanager', alertName: m.alertName, runbookUrl },
      );
      incidentId = incident.id;
      created = true;
      await tx
        .insert(alertmanagerGroups)
        .values({ groupKey: payload.groupKey, incidentId, lastStatus: payload.status });
    }
    const entry = await appendTimeline(tx, actor, incidentId, {
      kind: 'alert',
      text: m.timelineText,
      at: now,
      dedupKey,
    });
    const changed = created || entry !== null;
    if (entry) {
      await tx
        .update(alertmanagerGroups)
        .set({ lastStatus: payload.status, updatedAt: now })
        .where(eq(alertmanagerGroups.groupKey, payload.groupKey));
      const current = await tx.query.incidents.findFirst({
        where: eq(incidents.id, incidentId),
        columns: { status: true },
      });
      if (payload.status === 'resolved' && current?.status !== 'resolved') {
        await setIncidentStatus(tx, actor, incidentId, { status: 'resolved' }, m.resolvedAt ?? now);
      } else if (payload.status === 'firing' && current?.status === 'resolved') {
        await setIncidentStatus(tx, actor, incidentId, { status: 'investigating' }, now);
      }
    }
    const status =
      (await tx.query.incidents.findFirst({ where: eq(incidents.id, incidentId), columns: { status: true } }))
        ?.status ?? 'investigating';
    return {
      result: { incidentId, created, changed, status },
      change: changed
        ? {
            action: 'incident.alertmanager',
            entityType: 'incident',
            entityId: incidentId,
            after: { groupKey: payload.groupKey, status: payload.status },
          }
        : null,
    };
  });
}

const sqlLock = (key: string) => sql`select pg_advisory_xact_lock(hashtext(${`am:${key}`}))`;
