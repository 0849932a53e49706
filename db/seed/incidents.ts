import { eq, sql } from 'drizzle-orm';
import { createActionItem, setActionItemsStatus } from '@/db/incidents/action-items';
import { addTimelineEntry, createIncident, setIncidentStatus, setMilestone } from '@/db/incidents/incidents';
import {
  createPostmortem,
  publishPostmortem,
  reviewPostmortem,
  savePostmortem,
  submitForReview,
} from '@/db/incidents/postmortems';
import { setIncidentMode } from '@/db/incidents/slo-alerts';
import type { Actor } from '@/lib/audit';
import { ACTION_ITEM_TYPES, CHECKLIST_KEYS, type IncidentSeverity } from '@/lib/incidents/types';
import type { DB } from '../client';
import { incidents, services, slos, users } from '../schema';
import { D, DEMO_SLOS } from './slo-catalog';

const MIN = 60_000;

const severityOf = (burn: number): IncidentSeverity =>
  burn >= 100 ? 'SEV1' : burn >= 30 ? 'SEV2' : burn >= 8 ? 'SEV3' : 'SEV4';

const CAUSES = [
  ['a connection pool limit lowered in a config refactor', 'Raise the pool limit and alert on saturation'],
  ['a certificate that expired on one load balancer', 'Automate certificate renewal checks'],
  ['a slow query introduced by a missing index', 'Add query-plan checks to CI'],
  ['a retry storm after a dependency timed out', 'Add jittered backoff and a retry budget'],
  ['a bad canary promoted by a flaky health check', 'Gate promotion on SLO burn during the canary'],
  ['a full disk on the message broker', 'Forecast broker disk and page before 80%'],
  ['a DNS change that dropped a resolver', 'Review DNS changes with a second pair of eyes'],
  ['a noisy neighbour on a shared node pool', 'Move tier-0 services to dedicated nodes'],
] as const;

/**
 * ~20 incidents over 90 days at the demo SLOs' outages (SPEC 5), 8 postmortems in every
 * status with the budget each incident spent, and 30 action items, some overdue.
 * Idempotent: skipped once any incident exists.
 */
export async function seedIncidents(db: DB, now = new Date()): Promise<void> {
  // One transaction: a failure leaves nothing half-seeded, so the next run starts over.
  await db.transaction((tx) => seedAll(tx as unknown as DB, now));
}

async function seedAll(db: DB, now: Date): Promise<void> {
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(incidents);
  if (n > 0) return;
  const end = new Date(Math.floor(now.getTime() / MIN) * MIN);
  const people = await db
    .select({ id: users.id, email: users.email, role: users.role })
    .from(users)
    .where(eq(users.role, 'engineer'))
    .orderBy(users.email);
  if (people.length < 2) return;
  const actorOf = (i: number): Actor => {
    const p = people[i % people.length];
    return { type: 'user', id: p.id, label: p.email };
  };
  const sloRows = await db
    .select({ id: slos.id, slug: slos.slug, name: slos.name, serviceId: slos.serviceId })
    .from(slos);
  const bySlug = new Map(sloRows.map((s) => [s.slug, s]));

  const outages = DEMO_SLOS.flatMap((d) =>
    (d.outages ?? []).map(([ago, dur, burn]) => ({ d, ago, dur, burn })),
  )
    .filter((o) => o.ago <= 89 * D && bySlug.has(o.d.slug))
    .sort((a, b) => b.ago - a.ago)
    .slice(0, 20);

  const resolved: { id: string; severity: IncidentSeverity; i: number }[] = [];
  for (const [i, o] of outages.entries()) {
    const slo = bySlug.get(o.d.slug);
    if (!slo) continue;
    const started = new Date(end.getTime() - o.ago * MIN);
    const actor = actorOf(i);
    const severity = severityOf(o.burn);
    const incident = await createIncident(db, actor, {
      title: `${slo.name} degraded`,
      severity,
      summary: `Error rate on ${o.d.service} rose to ${o.burn}× the budgeted rate.`,
      startedAt: started,
      detectedAt: new Date(started.getTime() + (2 + (i % 5)) * MIN),
      sloIds: [slo.id],
      commanderId: people[i % people.length].id,
      scribeId: people[(i + 1) % people.length].id,
    });
    const at = (m: number) => new Date(started.getTime() + m * MIN);
    const ongoing = o.ago - o.dur < 10;
    await setMilestone(db, actor, incident.id, {
      milestone: 'acknowledged',
      at: at(2 + (i % 5) + 1 + (i % 4)),
    });
    await addTimelineEntry(db, actor, incident.id, {
      text: 'Paged on-call; looking at the dashboards',
      at: at(5 + (i % 7)),
    });
    if (ongoing) {
      await setIncidentStatus(db, actor, incident.id, { status: 'identified' }, at(8));
      continue;
    }
    await setMilestone(db, actor, incident.id, {
      milestone: 'mitigated',
      at: at(Math.max(12, Math.round(o.dur * 0.8))),
    });
    if (i === outages.length - 1) {
      // The latest one is still being watched.
      await setIncidentStatus(db, actor, incident.id, { status: 'monitoring' }, at(o.dur));
      continue;
    }
    await setIncidentStatus(db, actor, incident.id, { status: 'resolved' }, at(o.dur));
    resolved.push({ id: incident.id, severity, i });
  }
  const [checkout] = await db
    .select({ id: services.id })
    .from(services)
    .where(eq(services.slug, 'checkout-api'));
  if (checkout) await setIncidentMode(db, actorOf(0), checkout.id, { mode: 'open' });

  // 8 postmortems for the most recent resolved incidents: 3 drafts, 2 in review, 3 published.
  const chosen = resolved.slice(-8);
  const today = end.toISOString().slice(0, 10);
  const day = (offset: number) => new Date(end.getTime() + offset * D * MIN).toISOString().slice(0, 10);
  let items = 0;
  for (const [k, c] of chosen.entries()) {
    const author = actorOf(c.i);
    const reviewer = people[(c.i + 2) % people.length];
    const pm = await createPostmortem(db, author, c.id, end);
    const [cause, fix] = CAUSES[k % CAUSES.length];
    await savePostmortem(db, author, pm.id, {
      title: pm.title,
      expectedVersion: pm.version,
      sections: {
        ...pm.sections,
        rootCauses: `The trigger was ${cause}.`,
        fiveWhys: `1. Why did requests fail? Because of ${cause}.\n2. Why was it not caught? No alert covered it.\n3. Why? The runbook predates the change.`,
        wentWell: '- The SLO burn alert paged within minutes\n- Rollback was one command',
        wentWrong: '- The dashboard linked from the alert was stale',
        lucky: '- It happened outside peak hours',
      },
    });
    const status = k < 3 ? 'draft' : k < 5 ? 'in_review' : 'published';
    if (status !== 'draft') {
      await submitForReview(db, author, pm.id);
      if (status === 'published') {
        const reviewerActor: Actor = { type: 'user', id: reviewer.id, label: reviewer.email };
        await reviewPostmortem(db, reviewerActor, { id: reviewer.id, role: 'engineer' }, pm.id, {
          decision: 'approved',
          checklist: Object.fromEntries(CHECKLIST_KEYS.map((x) => [x, true])),
          comment: 'Clear and blameless. Ship it.',
        });
        await publishPostmortem(db, reviewerActor, { id: reviewer.id, role: 'engineer' }, pm.id);
      }
    }
    // 30 action items in total, spread over the 8 postmortems; some overdue, some done.
    const count = k < 6 ? 4 : 3;
    for (let j = 0; j < count && items < 30; j++, items++) {
      const due = day(((items * 7) % 50) - 25);
      const item = await createActionItem(db, author, pm.id, {
        title:
          j === 0
            ? fix
            : `${['Document', 'Automate', 'Alert on', 'Review'][j % 4]} ${cause.split(' ').slice(1, 5).join(' ')}`,
        type: ACTION_ITEM_TYPES[(items + j) % 4],
        priority: `P${(items + j) % 4}`,
        ownerId: people[(c.i + j) % people.length].id,
        dueDate: due,
        trackerUrl: `https://tracker.example.com/SRE-${100 + items}`,
      });
      if (due < today && items % 3 === 0) await setActionItemsStatusQuick(db, author, item.id, 'done');
      else if (items % 5 === 0) await setActionItemsStatusQuick(db, author, item.id, 'in_progress');
    }
  }
}

function setActionItemsStatusQuick(db: DB, actor: Actor, id: string, status: 'done' | 'in_progress') {
  return setActionItemsStatus(db, actor, { ids: [id], status });
}
