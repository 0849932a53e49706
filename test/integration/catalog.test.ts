import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import {
  createService,
  deleteService,
  getServiceBySlug,
  listServices,
  updateService,
} from '@/db/catalog/services';
import { createTeam, deleteTeam, getTeamBySlug, updateTeam } from '@/db/catalog/teams';
import { createUser } from '@/db/identity/users';
import { auditLog, services, teams } from '@/db/schema';
import type { Actor } from '@/lib/audit';
import { ConflictError, ValidationError } from '@/lib/errors';
import { describeEachDriver } from '../helpers/db';

const actor: Actor = {
  type: 'user',
  id: '00000000-0000-0000-0000-000000000001',
  label: 'tester@example.com',
};

async function expectValidation(p: Promise<unknown>, field: string) {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ValidationError);
  expect(Object.keys((err as ValidationError).fieldErrors)).toContain(field);
}

describeEachDriver('catalog', (ctx) => {
  it('creates, lists, updates and deletes a team and a service, each change audited', async () => {
    const { db } = ctx();
    const member = await createUser(db, actor, {
      email: 'm@example.com',
      name: 'M',
      role: 'engineer',
      password: '',
    });
    const team = await createTeam(db, actor, {
      slug: 'sre',
      name: 'SRE',
      weeklyHoursPerMember: '38',
      memberIds: [member.id],
    });
    expect(team.weeklyHoursPerMember).toBe(38);
    expect((await getTeamBySlug(db, 'sre'))?.members.map((m) => m.email)).toEqual(['m@example.com']);

    const svc = await createService(db, actor, {
      slug: 'edge',
      name: 'Edge',
      tier: '0',
      ownerTeamId: team.id,
      tags: 'Public, edge, public',
    });
    expect(svc.tags).toEqual(['public', 'edge']);
    expect((await listServices(db, { team: 'sre' })).map((s) => s.slug)).toEqual(['edge']);
    expect(await listServices(db, { q: 'nothing-like-this' })).toEqual([]);

    const updated = await updateService(db, actor, svc.id, svc.version, {
      slug: 'edge',
      name: 'Edge proxy',
      tier: '1',
      ownerTeamId: team.id,
      tags: '',
    });
    expect(updated.name).toBe('Edge proxy');
    expect(updated.version).toBe(svc.version + 1);

    const entries = await db.select().from(auditLog).where(eq(auditLog.entityId, svc.id));
    expect(entries.map((e) => e.action).sort()).toEqual(['service.create', 'service.update']);
    const upd = entries.find((e) => e.action === 'service.update');
    expect(upd?.before).toMatchObject({ name: 'Edge' });
    expect(upd?.after).toMatchObject({ name: 'Edge proxy' });

    await deleteService(db, actor, svc.id);
    expect(await getServiceBySlug(db, 'edge')).toBeNull();
    await deleteTeam(db, actor, team.id);
    expect(await getTeamBySlug(db, 'sre')).toBeNull();
  });

  it('rejects bad input naming each field, and writes nothing', async () => {
    const { db } = ctx();
    await expectValidation(
      createService(db, actor, { slug: 'Bad Slug', name: 'x', tier: '1', ownerTeamId: '' }),
      'slug',
    );
    await expectValidation(
      createService(db, actor, { slug: 'ok-slug', name: '', tier: '1', ownerTeamId: '' }),
      'name',
    );
    await expectValidation(
      createService(db, actor, { slug: 'ok-slug', name: 'x', tier: '7', ownerTeamId: '' }),
      'tier',
    );
    await expectValidation(
      createService(db, actor, { slug: 'ok-slug', name: 'x', tier: 'abc', ownerTeamId: '' }),
      'tier',
    );
    await expectValidation(
      createTeam(db, actor, { slug: 't', name: 'T', weeklyHoursPerMember: '40' }),
      'slug',
    );
    await expectValidation(
      createTeam(db, actor, { slug: 'team-x', name: 'T', weeklyHoursPerMember: '0' }),
      'weeklyHoursPerMember',
    );
    await expectValidation(
      createUser(db, actor, { email: 'nope', name: 'N', role: 'viewer', password: '' }),
      'email',
    );
    await expectValidation(
      createUser(db, actor, { email: 'a@b.co', name: 'N', role: 'root', password: '' }),
      'role',
    );
    expect(await db.select().from(services).where(eq(services.slug, 'ok-slug'))).toEqual([]);
  });

  it('refuses a duplicate slug with a field error', async () => {
    const { db } = ctx();
    await createService(db, actor, { slug: 'dupe', name: 'One', tier: '2', ownerTeamId: '' });
    await expectValidation(
      createService(db, actor, { slug: 'dupe', name: 'Two', tier: '2', ownerTeamId: '' }),
      'slug',
    );
  });

  it('detects a concurrent edit through the version check', async () => {
    const { db } = ctx();
    const svc = await createService(db, actor, { slug: 'race', name: 'Race', tier: '2', ownerTeamId: '' });
    await updateService(db, actor, svc.id, svc.version, {
      slug: 'race',
      name: 'First',
      tier: '2',
      ownerTeamId: '',
    });
    await expect(
      updateService(db, actor, svc.id, svc.version, {
        slug: 'race',
        name: 'Second',
        tier: '2',
        ownerTeamId: '',
      }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect((await getServiceBySlug(db, 'race'))?.name).toBe('First');
  });

  it('refuses to delete a team that still owns services', async () => {
    const { db } = ctx();
    const team = await createTeam(db, actor, { slug: 'owner', name: 'Owner', weeklyHoursPerMember: '40' });
    await createService(db, actor, { slug: 'owned', name: 'Owned', tier: '2', ownerTeamId: team.id });
    await expect(deleteTeam(db, actor, team.id)).rejects.toBeInstanceOf(ValidationError);
    expect(await db.select().from(teams).where(eq(teams.id, team.id))).toHaveLength(1);
  });

  it('writes the audit row in the same transaction: a failed change leaves no audit row', async () => {
    const { db } = ctx();
    const team = await createTeam(db, actor, { slug: 'atomic', name: 'Atomic', weeklyHoursPerMember: '40' });
    // The team row updates first, then the unknown member fails the foreign key: all of it must roll back.
    await expect(
      updateTeam(db, actor, team.id, team.version, {
        slug: 'atomic',
        name: 'Renamed',
        weeklyHoursPerMember: '40',
        memberIds: ['11111111-1111-4111-8111-111111111111'],
      }),
    ).rejects.toBeInstanceOf(ValidationError);
    const [row] = await db.select().from(teams).where(eq(teams.id, team.id));
    expect(row.name).toBe('Atomic');
    expect(row.version).toBe(team.version);
    const audits = await db.select().from(auditLog).where(eq(auditLog.entityId, team.id));
    expect(audits.map((a) => a.action)).toEqual(['team.create']);
  });
});
