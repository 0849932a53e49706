// The incidents machine API as Next calls it, on an embedded database: scopes, filters,
// bad query strings as 400s naming the parameter, the Markdown export.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  process.env.PGLITE_DATA_DIR = 'memory://incidents-api';
  process.env.AUTH_SECRET = 'x'.repeat(40);
  delete process.env.DATABASE_URL;
});

import { GET as getActionItems } from '@/app/api/v1/action-items/route';
import { POST as postAlertmanager } from '@/app/api/v1/alertmanager/route';
import { GET as getIncidentRoute } from '@/app/api/v1/incidents/[id]/route';
import { GET as listIncidentsRoute } from '@/app/api/v1/incidents/route';
import { GET as getPostmortemMd } from '@/app/api/v1/postmortems/[id]/route';
import { getDbHandle } from '@/db';
import { createToken } from '@/db/identity/tokens';
import { createActionItem } from '@/db/incidents/action-items';
import { createIncident } from '@/db/incidents/incidents';
import { createPostmortem, savePostmortem } from '@/db/incidents/postmortems';
import { migrateDb } from '@/db/migrate';
import { users } from '@/db/schema';
import { makeService, testActor } from '../helpers/fixtures';

let read = '';
let write = '';
let incidentId = '';
let postmortemId = '';
let serviceSlug = '';
const ownerEmail = 'owner@t.io';

const req = (url: string, token: string, init: RequestInit = {}) =>
  new Request(`http://x${url}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, ...(init.headers ?? {}) },
  });
const params = (id: string) => ({ params: Promise.resolve({ id }) });

beforeAll(async () => {
  const { db, ...handle } = await getDbHandle();
  await migrateDb({ db, ...handle });
  read = (await createToken(db, testActor, { name: 'r', scopes: ['read'] })).token;
  write = (await createToken(db, testActor, { name: 'w', scopes: ['incidents:write'] })).token;
  const service = await makeService(db);
  serviceSlug = service.slug;
  const [owner] = await db
    .insert(users)
    .values({ email: ownerEmail, name: 'Owner', role: 'engineer' })
    .returning();
  const incident = await createIncident(db, testActor, {
    title: 'Search is slow',
    severity: 'SEV2',
    serviceIds: [service.id],
    startedAt: new Date('2026-11-01T10:00:00Z'),
  });
  incidentId = incident.id;
  const pm = await createPostmortem(db, testActor, incident.id);
  postmortemId = pm.id;
  await savePostmortem(db, testActor, pm.id, {
    title: 'Postmortem: <script>alert(1)</script> search',
    sections: { ...pm.sections, summary: 'Index rebuild starved the cluster.' },
    expectedVersion: pm.version,
  });
  await createActionItem(db, testActor, pm.id, {
    title: 'Throttle rebuilds',
    type: 'prevent',
    priority: 'P1',
    ownerId: owner.id,
    dueDate: '2026-01-02',
  });
}, 300_000);
afterAll(async () => (await getDbHandle()).close());

describe('incidents API', () => {
  it('lists with filters and refuses bad ones naming the parameter', async () => {
    const ok = await listIncidentsRoute(
      req(`/api/v1/incidents?status=open&service=${serviceSlug}&from=2026-10-01`, read),
    );
    expect(ok.status).toBe(200);
    const body = await ok.json();
    expect(body.incidents.map((i: { id: string }) => i.id)).toEqual([incidentId]);
    for (const [q, field] of [
      ['status=bogus', 'status'],
      ['severity=SEV9', 'severity'],
      ['from=yesterday', 'from'],
      ['service=nope', 'service'],
    ]) {
      const res = await listIncidentsRoute(req(`/api/v1/incidents?${q}`, read));
      expect(res.status).toBe(400);
      expect((await res.json()).fieldErrors).toHaveProperty(field);
    }
    expect((await listIncidentsRoute(req('/api/v1/incidents', write))).status).toBe(403);
  });

  it('one incident with its timeline and derived durations; unknown ids are 404', async () => {
    const res = await getIncidentRoute(req(`/api/v1/incidents/${incidentId}`, read), params(incidentId));
    const body = await res.json();
    expect(body.timeline.length).toBeGreaterThan(1);
    expect(body.durations).toHaveProperty('ttd');
    // A NUL in the path is malformed input: refused with 400 before any lookup.
    expect((await getIncidentRoute(req('/api/v1/incidents/x%00', read), params('x\u0000'))).status).toBe(400);
  });

  it('exports the postmortem as Markdown with its action items', async () => {
    const res = await getPostmortemMd(
      req(`/api/v1/postmortems/${postmortemId}.md`, read),
      params(`${postmortemId}.md`),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/markdown');
    const md = await res.text();
    expect(md).toContain('## Summary\n\nIndex rebuild starved the cluster.');
    expect(md).toContain('**P1** Throttle rebuilds');
    expect(md).toContain('# Postmortem: &lt;script&gt;alert(1)&lt;/script&gt; search');
    expect(
      (await getPostmortemMd(req(`/api/v1/postmortems/${postmortemId}`, read), params(postmortemId))).status,
    ).toBe(404);
  });

  it('action items: overdue and owner filters', async () => {
    const res = await getActionItems(req(`/api/v1/action-items?overdue=1&owner=${ownerEmail}`, read));
    expect((await res.json()).actionItems.map((i: { title: string }) => i.title)).toEqual([
      'Throttle rebuilds',
    ]);
    const none = await getActionItems(req('/api/v1/action-items?overdue=1&owner=nobody@t.io', read));
    expect((await none.json()).actionItems).toEqual([]);
    expect((await getActionItems(req('/api/v1/action-items?overdue=maybe', read))).status).toBe(400);
    expect((await getActionItems(req('/api/v1/action-items?owner=%00', read))).status).toBe(400);
  });

  it('the webhook needs incidents:write and refuses bad bodies with 4xx', async () => {
    const post = (body: string, token = write) =>
      postAlertmanager(req('/api/v1/alertmanager', token, { method: 'POST', body }));
    expect((await post('{}', read)).status).toBe(403);
    expect((await post('not json')).status).toBe(400);
    const bad = await post(JSON.stringify({ version: '4', status: 'firing', alerts: [] }));
    expect(bad.status).toBe(400);
    expect((await bad.json()).fieldErrors).toHaveProperty('groupKey');
    expect((await post('x'.repeat(1024 * 1024 + 10))).status).toBe(413);
  });
});
