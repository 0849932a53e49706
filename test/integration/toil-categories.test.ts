// Toil categories, settings and the API service, on PGlite and PostgreSQL.
import { expect, it } from 'vitest';
import { createService } from '@/db/catalog/services';
import { createTeam } from '@/db/catalog/teams';
import { createUser } from '@/db/identity/users';
import { logToilFromApi } from '@/db/toil/api';
import {
  createToilCategory,
  ensureToilCategories,
  listToilCategories,
  setToilCategoryArchived,
} from '@/db/toil/categories';
import { createToilEntry, updateToilEntry } from '@/db/toil/entries';
import { getToilSettings, saveToilSettings } from '@/db/toil/settings';
import type { ValidationError } from '@/lib/errors';
import { describeEachDriver } from '../helpers/db';
import { testActor } from '../helpers/fixtures';

const now = new Date('2024-06-15T12:00:00Z');
const record = (over: Record<string, string> = {}) => ({
  date: '2024-06-14',
  task: 'Rotate certs',
  category: 'certificate-rotation',
  minutes: '45',
  service: 'edge',
  ...over,
});

async function rejection(p: Promise<unknown>) {
  return p.then(
    () => null,
    (e: unknown) => e,
  );
}

describeEachDriver('toil categories, settings and API', (ctx) => {
  const people = { erin: { id: '', role: 'engineer' as const } };
  let teamId = '';

  it('sets up a team with an engineer and a viewer', async () => {
    const { db } = ctx();
    await ensureToilCategories(db);
    people.erin.id = (
      await createUser(db, testActor, { email: 'erin@toil.io', name: 'Erin', role: 'engineer', password: '' })
    ).id;
    await createUser(db, testActor, { email: 'vic@toil.io', name: 'Vic', role: 'viewer', password: '' });
    teamId = (
      await createTeam(db, testActor, {
        slug: 'sre-team',
        name: 'SRE',
        weeklyHoursPerMember: '40',
        memberIds: [people.erin.id],
      })
    ).id;
    await createService(db, testActor, { slug: 'edge', name: 'Edge', tier: '1', ownerTeamId: teamId });
    expect(await listToilCategories(db)).toHaveLength(10);
  });

  it('keeps archived categories off new entries but on existing ones', async () => {
    const { db } = ctx();
    const oncall = await createToilCategory(db, testActor, { name: 'On-call handover', sortOrder: '5' });
    expect(oncall.slug).toBe('on-call-handover');
    const dup = await rejection(
      createToilCategory(db, testActor, { name: 'Again', slug: 'on-call-handover' }),
    );
    expect((dup as ValidationError).fieldErrors.slug).toEqual([
      '"on-call-handover" is already used by another category',
    ]);
    const entry = await createToilEntry(
      db,
      testActor,
      { userId: people.erin.id, teamId },
      record({ category: 'On-call handover' }),
      now,
    );
    await setToilCategoryArchived(db, testActor, oncall.id, true);
    expect((await listToilCategories(db)).some((c) => c.slug === 'on-call-handover')).toBe(false);
    const refused = await rejection(
      createToilEntry(
        db,
        testActor,
        { userId: people.erin.id, teamId },
        record({ category: 'on-call-handover' }),
        now,
      ),
    );
    expect((refused as ValidationError).fieldErrors.category).toEqual([
      'Unknown category "on-call-handover".',
    ]);
    // Editing the old entry keeps its archived category.
    const kept = await updateToilEntry(
      db,
      testActor,
      people.erin,
      entry.id,
      entry.version,
      record({ category: 'on-call-handover', task: 'Edited' }),
      now,
    );
    expect(kept.categoryId).toBe(oncall.id);
  });

  it('stores the cap in percent and reads it back as a fraction', async () => {
    const { db } = ctx();
    expect(await getToilSettings(db)).toEqual({ cap: 0.5, defaultEstimateHours: 40 });
    await saveToilSettings(db, testActor, { capPercent: '40', defaultEstimateHours: '16' });
    expect(await getToilSettings(db)).toEqual({ cap: 0.4, defaultEstimateHours: 16 });
    const bad = await rejection(
      saveToilSettings(db, testActor, { capPercent: '0', defaultEstimateHours: 'x' }),
    );
    expect(Object.keys((bad as ValidationError).fieldErrors).sort()).toEqual([
      'capPercent',
      'defaultEstimateHours',
    ]);
  });

  it('logs toil from the API for a person by email, naming bad fields as the API spells them', async () => {
    const { db } = ctx();
    const made = await logToilFromApi(
      db,
      testActor,
      { user: 'ERIN@toil.io', task: 'Restart pods', category: 'Alert triage', minutes: 25, afterHours: true },
      now,
    );
    expect(made).toMatchObject({
      user: 'erin@toil.io',
      team: 'sre-team',
      date: '2024-06-15',
      minutes: 25,
      category: 'alert-triage',
      afterHours: true,
      interrupt: false,
    });
    const bad = await rejection(
      logToilFromApi(
        db,
        testActor,
        { user: 'erin@toil.io', task: '', category: 'x', minutes: '2d', afterHours: 'maybe' },
        now,
      ),
    );
    expect(Object.keys((bad as ValidationError).fieldErrors)).toEqual([
      'task',
      'category',
      'minutes',
      'afterHours',
    ]);
    const viewer = await rejection(
      logToilFromApi(db, testActor, { user: 'vic@toil.io', task: 't', category: 'scaling', minutes: 5 }, now),
    );
    expect((viewer as ValidationError).fieldErrors.user).toEqual([
      'vic@toil.io is a viewer; only engineers and admins log toil',
    ]);
    const nobody = await rejection(
      logToilFromApi(
        db,
        testActor,
        { user: 'nobody@toil.io', task: 't', category: 'scaling', minutes: 5 },
        now,
      ),
    );
    expect(Object.keys((nobody as ValidationError).fieldErrors)).toEqual(['user']);
  });
});
