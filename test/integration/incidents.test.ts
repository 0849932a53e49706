// Incidents, postmortems and action items on PGlite and PostgreSQL: webhook idempotence,
// version-checked saves under concurrency, review permissions, the budget prefill.
import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { createActionItem, listActionItems, setActionItemsStatus } from '@/db/incidents/action-items';
import { receiveAlertmanager } from '@/db/incidents/alertmanager';
import { incidentAnnotationsForSlo } from '@/db/incidents/annotations';
import { budgetConsumedByWindow } from '@/db/incidents/budget';
import {
  addTimelineEntry,
  createIncident,
  getIncident,
  listIncidents,
  setIncidentStatus,
  setMilestone,
} from '@/db/incidents/incidents';
import {
  createPostmortem,
  getPostmortem,
  publishPostmortem,
  reviewPostmortem,
  savePostmortem,
  submitForReview,
} from '@/db/incidents/postmortems';
import { searchIncidents } from '@/db/incidents/search';
import {
  declareFromSuggestion,
  onSloAlertTransition,
  setIncidentMode,
  sloIncidentBanner,
} from '@/db/incidents/slo-alerts';
import { auditLog, incidentTimeline, users } from '@/db/schema';
import { ingestSamples } from '@/db/slo/samples';
import { getSloRow } from '@/db/slo/slos';
import { computeSloStatuses } from '@/db/slo/status';
import type { Actor } from '@/lib/audit';
import { ConflictError, ForbiddenError } from '@/lib/errors';
import { DEFAULT_POLICY } from '@/lib/slo/policy';
import type { SampleInput } from '@/lib/slo/samples';
import { describeEachDriver } from '../helpers/db';
import { makeService, makeSlo, testActor } from '../helpers/fixtures';

const MIN = 60_000;
const START = Date.UTC(2026, 10, 10, 10, 0); // 2026-11-10 10:00 UTC
const checklist = {
  dataCollected: true,
  impactComplete: true,
  rootCauseDeep: true,
  actionItemsAppropriate: true,
  shared: true,
};

function payload(status: 'firing' | 'resolved', groupKey: string, extra: Record<string, string> = {}) {
  return {
    version: '4',
    groupKey,
    status,
    receiver: 'portal',
    groupLabels: { alertname: 'CheckoutErrors' },
    commonLabels: { alertname: 'CheckoutErrors', severity: 'critical', ...extra },
    commonAnnotations: { summary: 'errors above 5%' },
    externalURL: 'http://am',
    alerts: [
      {
        status,
        labels: { alertname: 'CheckoutErrors', severity: 'critical', ...extra },
        annotations: {},
        startsAt: new Date(START).toISOString(),
        endsAt: status === 'resolved' ? new Date(START + 40 * MIN).toISOString() : '0001-01-01T00:00:00Z',
        fingerprint: 'f1',
      },
    ],
  };
}

describeEachDriver('incidents', (h) => {
  const people: Record<
    'author' | 'reviewer' | 'viewer' | 'admin',
    { id: string; actor: Actor; role: 'viewer' | 'engineer' | 'admin' }
  > = {} as never;

  beforeAll(async () => {
    for (const [key, role] of [
      ['author', 'engineer'],
      ['reviewer', 'engineer'],
      ['viewer', 'viewer'],
      ['admin', 'admin'],
    ] as const) {
      const [u] = await h()
        .db.insert(users)
        .values({ email: `${key}-${Date.now()}@t.io`, name: key, role })
        .returning();
      people[key] = { id: u.id, role, actor: { type: 'user', id: u.id, label: u.email } };
    }
  });

  it('Alertmanager: one incident per groupKey, re-delivery changes nothing, resolved resolves', async () => {
    const { db } = h();
    const service = await makeService(db);
    const key = `{}:{alertname="CheckoutErrors",g="${Date.now()}"}`;
    const first = await receiveAlertmanager(
      db,
      testActor,
      payload('firing', key, { service: service.slug }),
      new Date(START + 2 * MIN),
    );
    expect(first).toMatchObject({ created: true, changed: true, status: 'investigating' });
    const countRows = async () =>
      (await db.select().from(incidentTimeline).where(eq(incidentTimeline.incidentId, first.incidentId)))
        .length;
    const auditRows = async () => (await db.select().from(auditLog)).length;
    const before = { timeline: await countRows(), audit: await auditRows() };

    const again = await receiveAlertmanager(
      db,
      testActor,
      payload('firing', key, { service: service.slug }),
      new Date(START + 7 * MIN),
    );
    expect(again).toMatchObject({ incidentId: first.incidentId, created: false, changed: false });
    expect(await countRows()).toBe(before.timeline);
    expect(await auditRows()).toBe(before.audit);

    const incident = await getIncident(db, first.incidentId);
    expect(incident?.severity).toBe('SEV1');
    expect(incident?.services.map((s) => s.id)).toEqual([service.id]);
    expect(incident?.alertName).toBe('CheckoutErrors');
    expect(incident?.source).toBe('alertmanager');

    const resolved = await receiveAlertmanager(
      db,
      testActor,
      payload('resolved', key, { service: service.slug }),
      new Date(START + 45 * MIN),
    );
    expect(resolved).toMatchObject({ incidentId: first.incidentId, changed: true, status: 'resolved' });
    const after = await getIncident(db, first.incidentId);
    expect(after?.resolvedAt?.toISOString()).toBe(new Date(START + 40 * MIN).toISOString());
    expect(after?.durations.ttr).toBe(40);
    const n = await countRows();
    await receiveAlertmanager(
      db,
      testActor,
      payload('resolved', key, { service: service.slug }),
      new Date(START + 50 * MIN),
    );
    expect(await countRows()).toBe(n);

    // Concurrent deliveries of a new group still open exactly one incident.
    const key2 = `${key}-b`;
    const results = await Promise.all(
      [0, 1, 2].map(() => receiveAlertmanager(db, testActor, payload('firing', key2), new Date(START))),
    );
    expect(new Set(results.map((r) => r.incidentId)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
  });

  it('refuses a bad payload with a field error and writes nothing', async () => {
    const { db } = h();
    const n = (await listIncidents(db)).length;
    await expect(
      receiveAlertmanager(db, testActor, { ...payload('firing', 'x'), version: '3' }),
    ).rejects.toMatchObject({ status: 400 });
    await expect(
      receiveAlertmanager(db, testActor, { ...payload('firing', 'x\u0000'), alerts: 'no' }),
    ).rejects.toMatchObject({ status: 400 });
    expect((await listIncidents(db)).length).toBe(n);
  });

  it("the budget an incident window consumed is the SLO pages' budget (timeslices and occurrences)", async () => {
    const { db } = h();
    const ts = await makeSlo(db, {
      budgetingMethod: 'timeslices',
      timesliceTarget: '0.95',
      windowType: 'calendar',
      calendarUnit: 'month',
      windowDays: '',
    });
    const occ = await makeSlo(db, { budgetingMethod: 'occurrences' });
    const tsSamples: SampleInput[] = [];
    const occSamples: SampleInput[] = [];
    for (let m = -120; m < 120; m++) {
      const minute = START + m * MIN;
      const inIncident = m >= 0 && m < 60;
      tsSamples.push({ minute, good: inIncident && m < 18 ? 80 : 100, total: 100 });
      occSamples.push({ minute, good: inIncident && m < 10 ? 900 : 1000, total: 1000 });
    }
    await db.transaction(async (tx) => {
      await ingestSamples(tx, ts.id, tsSamples);
      await ingestSamples(tx, occ.id, occSamples);
    });
    const incident = await createIncident(db, people.author.actor, {
      title: 'Checkout down',
      severity: 'SEV2',
      startedAt: new Date(START),
      sloIds: [ts.id, occ.id],
    });
    await setMilestone(db, people.author.actor, incident.id, {
      milestone: 'resolved',
      at: new Date(START + 60 * MIN),
    });
    const end = new Date(START + 60 * MIN);
    const budgets = await budgetConsumedByWindow(db, [ts.id, occ.id], new Date(START), end);
    const byId = new Map(budgets.map((b) => [b.sloId, b]));
    expect(byId.get(ts.id)?.text).toBe('18 min of 43.2 min monthly budget (42%)');
    expect(byId.get(occ.id)?.consumed).toBe(1000);

    const rows = [await getSloRow(db, ts.slug), await getSloRow(db, occ.slug)].filter((r) => r !== null);
    const statuses = await computeSloStatuses(db, rows, DEFAULT_POLICY, end);
    expect(statuses).toHaveLength(2);
    for (const s of statuses) expect(byId.get(s.slo.id)?.budgetTotal).toBeCloseTo(s.budget.budgetTotal, 9);

    const pm = await createPostmortem(db, people.author.actor, incident.id, end);
    expect(pm.sections.impact).toContain('18 min of 43.2 min monthly budget (42%)');
    expect(pm.sections.timeline).toContain('Resolved');
    await expect(createPostmortem(db, people.author.actor, incident.id)).rejects.toMatchObject({
      status: 400,
    });

    const notes = await incidentAnnotationsForSlo(
      db,
      ts.id,
      new Date(START - 86_400_000),
      new Date(START + 86_400_000),
    );
    expect(notes.map((n) => n.id)).toEqual([incident.id]);
    expect(
      await incidentAnnotationsForSlo(
        db,
        ts.id,
        new Date(START + 2 * 3_600_000),
        new Date(START + 86_400_000),
      ),
    ).toEqual([]);
  });

  it('version-checked saves: of two writers on the same version one wins, the other gets a conflict', async () => {
    const { db } = h();
    const incident = await createIncident(db, people.author.actor, {
      title: 'Queue backlog',
      severity: 'SEV3',
    });
    const pm = await createPostmortem(db, people.author.actor, incident.id);
    const save = (who: Actor, summary: string) =>
      savePostmortem(db, who, pm.id, {
        title: pm.title,
        sections: { ...pm.sections, summary },
        expectedVersion: pm.version,
      });
    const results = await Promise.allSettled([
      save(people.author.actor, 'text A'),
      save(people.reviewer.actor, 'text B'),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0] as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    const stored = await getPostmortem(db, pm.id);
    expect(stored?.version).toBe(pm.version + 1);
    const winner = won[0] as PromiseFulfilledResult<{ version: number }>;
    expect(winner.value.version).toBe(pm.version + 1);
    expect(['text A', 'text B']).toContain(stored?.sections.summary);
    // The loser merges on top of the stored version and saves.
    const merged = await savePostmortem(db, people.reviewer.actor, pm.id, {
      title: pm.title,
      sections: { ...pm.sections, summary: 'text A + text B' },
      expectedVersion: stored?.version,
    });
    expect(merged.version).toBe(pm.version + 2);
  });

  it('review and publish permissions per role; published is read-only except action items', async () => {
    const { db } = h();
    const incident = await createIncident(db, people.author.actor, { title: 'DNS outage', severity: 'SEV1' });
    await setIncidentStatus(db, people.author.actor, incident.id, { status: 'resolved' });
    const pm = await createPostmortem(db, people.author.actor, incident.id);
    const r = (p: (typeof people)['author']) => ({ id: p.id, role: p.role });

    // Not in review yet.
    await expect(
      reviewPostmortem(db, people.reviewer.actor, r(people.reviewer), pm.id, {
        decision: 'approved',
        checklist,
      }),
    ).rejects.toBeInstanceOf(ConflictError);
    await submitForReview(db, people.author.actor, pm.id);
    await expect(publishPostmortem(db, people.author.actor, r(people.author), pm.id)).rejects.toThrow(
      /approve/,
    );
    // A viewer cannot review; the author cannot approve their own; approval needs the whole checklist.
    await expect(
      reviewPostmortem(db, people.viewer.actor, r(people.viewer), pm.id, { decision: 'approved', checklist }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      reviewPostmortem(db, people.author.actor, r(people.author), pm.id, { decision: 'approved', checklist }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      reviewPostmortem(db, people.reviewer.actor, r(people.reviewer), pm.id, {
        decision: 'approved',
        checklist: { ...checklist, shared: false },
      }),
    ).rejects.toMatchObject({ status: 400 });
    await reviewPostmortem(db, people.reviewer.actor, r(people.reviewer), pm.id, {
      decision: 'approved',
      checklist,
    });
    await expect(
      reviewPostmortem(db, people.reviewer.actor, r(people.reviewer), pm.id, {
        decision: 'approved',
        checklist,
      }),
    ).rejects.toMatchObject({ status: 400 });
    expect(() => publishPostmortem(db, people.viewer.actor, r(people.viewer), pm.id)).toThrow(ForbiddenError);
    const published = await publishPostmortem(db, people.author.actor, r(people.author), pm.id);
    expect(published.status).toBe('published');

    await expect(
      savePostmortem(db, people.author.actor, pm.id, {
        title: 'x',
        sections: pm.sections,
        expectedVersion: published.version,
      }),
    ).rejects.toMatchObject({ status: 400 });
    const item = await createActionItem(db, people.author.actor, pm.id, {
      title: 'Add DNS failover',
      type: 'prevent',
      priority: 'P1',
      ownerId: people.reviewer.id,
      dueDate: '2026-01-05',
    });
    expect(
      (await listActionItems(db, { overdue: true, ownerId: people.reviewer.id })).map((i) => i.id),
    ).toEqual([item.id]);
    await setActionItemsStatus(db, people.reviewer.actor, { ids: [item.id], status: 'done' });
    expect(await listActionItems(db, { overdue: true, ownerId: people.reviewer.id })).toEqual([]);
  });

  it('timeline entries, milestones and derived durations; full-text search finds postmortems and incidents', async () => {
    const { db } = h();
    const incident = await createIncident(db, people.author.actor, {
      title: 'Payment gateway latency',
      severity: 'SEV2',
      startedAt: new Date(START),
      detectedAt: new Date(START + 5 * MIN),
      summary: 'The flux capacitor overheated',
    });
    await setMilestone(db, people.author.actor, incident.id, {
      milestone: 'acknowledged',
      at: new Date(START + 8 * MIN),
    });
    await expect(
      setMilestone(db, people.author.actor, incident.id, {
        milestone: 'acknowledged',
        at: new Date(START + 1 * MIN),
      }),
    ).rejects.toMatchObject({ status: 400 });
    await addTimelineEntry(db, people.author.actor, incident.id, { text: 'Rolled back release 42' });
    await expect(
      addTimelineEntry(db, people.author.actor, incident.id, { text: 'bad\u0000' }),
    ).rejects.toMatchObject({ status: 400 });
    const detail = await getIncident(db, incident.id);
    expect(detail?.durations).toMatchObject({ ttd: 5, tta: 3 });
    expect(detail?.timeline.map((t) => t.text)).toEqual(
      expect.arrayContaining(['Started', 'Detected', 'Acknowledged', 'Rolled back release 42']),
    );

    const pm = await createPostmortem(db, people.author.actor, incident.id);
    await savePostmortem(db, people.author.actor, pm.id, {
      title: pm.title,
      sections: {
        ...pm.sections,
        rootCauses: 'A misconfigured connection pool exhausted the hyperdrive sockets.',
      },
      expectedVersion: pm.version,
    });
    const hits = await searchIncidents(db, 'hyperdrive sockets');
    expect(hits[0]).toMatchObject({ kind: 'postmortem', id: pm.id });
    expect(hits[0].snippet).toContain('[[[hyperdrive]]]');
    expect((await searchIncidents(db, 'capacitor')).map((x) => x.id)).toContain(incident.id);
    expect(await searchIncidents(db, '\u0000 ')).toEqual([]);
    expect(await searchIncidents(db, '!!! & | (')).toEqual([]);
  });

  it('burn → incident: off / suggest / open per service, deduplicated while firing, resolve suggestion when it stops', async () => {
    const { db } = h();
    const slo = await makeSlo(db);
    const at = new Date(START);
    const fire = (tier = 1, severity: 'page' | 'ticket' = 'page') =>
      onSloAlertTransition(db, testActor, {
        sloId: slo.id,
        tier,
        severity,
        state: 'firing',
        at,
        burns: { '1h': 20, '5m': 30 },
      });
    const stop = (tier = 1) =>
      onSloAlertTransition(db, testActor, {
        sloId: slo.id,
        tier,
        severity: 'page',
        state: 'resolved',
        at: new Date(START + 30 * MIN),
      });

    expect(await fire(3, 'ticket')).toEqual({ action: 'ignored' });
    await setIncidentMode(db, testActor, slo.serviceId, { mode: 'off' });
    expect(await fire()).toEqual({ action: 'off' });

    await setIncidentMode(db, testActor, slo.serviceId, { mode: 'suggest' });
    const suggested = await fire();
    expect(suggested.action).toBe('suggested');
    expect(await fire()).toEqual({ action: 'deduplicated' });
    const banner = await sloIncidentBanner(db, slo.id);
    expect(banner.suggestions).toHaveLength(1);
    const declared = await declareFromSuggestion(db, people.author.actor, banner.suggestions[0].id);
    await expect(
      declareFromSuggestion(db, people.author.actor, banner.suggestions[0].id),
    ).rejects.toBeInstanceOf(ConflictError);
    expect((await sloIncidentBanner(db, slo.id)).suggestions).toHaveLength(0);
    const stopped = await stop();
    expect(stopped).toEqual({ action: 'resolved', incidentId: declared.id, suggestResolve: true });
    expect((await sloIncidentBanner(db, slo.id)).resolveSuggestions.map((r) => r.incidentId)).toEqual([
      declared.id,
    ]);
    expect(await stop()).toEqual({ action: 'not-firing' });

    await setIncidentMode(db, testActor, slo.serviceId, { mode: 'open' });
    const opened = await fire(1);
    expect(opened.action).toBe('opened');
    const second = await fire(2);
    expect(second).toMatchObject({ action: 'opened' });
    // Two tiers of one SLO firing are one outage: one incident.
    if (opened.action === 'opened' && second.action === 'opened')
      expect(second.incidentId).toBe(opened.incidentId);
    expect(await fire(1)).toEqual({ action: 'deduplicated' });
    const incident = opened.action === 'opened' ? await getIncident(db, opened.incidentId) : null;
    expect(incident?.slos.map((s) => s.id)).toEqual([slo.id]);
    expect(incident?.source).toBe('slo-alert');
    expect(await stop(1)).toMatchObject({ action: 'resolved', suggestResolve: false });
    expect(await stop(2)).toMatchObject({ action: 'resolved', suggestResolve: true });
    await expect(setIncidentMode(db, testActor, slo.serviceId, { mode: 'sometimes' })).rejects.toMatchObject({
      status: 400,
    });
  });
});
