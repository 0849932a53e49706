import { expect, it } from 'vitest';
import { createService } from '@/db/catalog/services';
import { createTeam, listTeams } from '@/db/catalog/teams';
import { createUser } from '@/db/identity/users';
import type { Actor } from '@/lib/audit';
import { describeEachDriver } from '../helpers/db';

const actor: Actor = {
  type: 'user',
  id: '00000000-0000-0000-0000-000000000001',
  label: 'tester@example.com',
};

describeEachDriver('catalog hubs', (ctx) => {
  it('the teams list counts each team’s own services and members', async () => {
    const { db } = ctx();
    const [a, b] = await Promise.all(
      ['ann', 'bob'].map((n) =>
        createUser(db, actor, { email: `${n}@example.com`, name: n, role: 'engineer', password: '' }),
      ),
    );
    const payments = await createTeam(db, actor, {
      slug: 'payments',
      name: 'Payments',
      weeklyHoursPerMember: '40',
      memberIds: [a.id, b.id],
    });
    const search = await createTeam(db, actor, {
      slug: 'search',
      name: 'Search',
      weeklyHoursPerMember: '40',
      memberIds: [a.id],
    });
    await createTeam(db, actor, { slug: 'idle', name: 'Idle', weeklyHoursPerMember: '40', memberIds: [] });
    for (const slug of ['ledger', 'checkout', 'refunds'])
      await createService(db, actor, { slug, name: slug, tier: '1', ownerTeamId: payments.id, tags: '' });
    await createService(db, actor, {
      slug: 'query',
      name: 'query',
      tier: '2',
      ownerTeamId: search.id,
      tags: '',
    });
    await createService(db, actor, { slug: 'orphan', name: 'orphan', tier: '3', ownerTeamId: '', tags: '' });

    const counts = Object.fromEntries(
      (await listTeams(db)).map((t) => [t.slug, { services: t.services, members: t.members }]),
    );
    expect(counts).toEqual({
      idle: { services: 0, members: 0 },
      payments: { services: 3, members: 2 },
      search: { services: 1, members: 1 },
    });
  });
});
