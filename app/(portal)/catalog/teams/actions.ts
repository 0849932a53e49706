'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { createTeam, deleteTeam, updateTeam } from '@/db/services/teams';
import { formObject, guardedAction } from '@/lib/actions';
import { actorOf } from '@/lib/auth/guard';

// Teams are managed by admins (SPEC 1.1).

export const createTeamAction = guardedAction<{ slug: string }>('admin', async (user, form) => {
  const team = await createTeam(await getDb(), actorOf(user), formObject(form, ['memberIds']));
  revalidatePath('/catalog/teams');
  return { message: `Team ${team.name} created`, data: { slug: team.slug } };
});

export const updateTeamAction = guardedAction<{ slug: string }>('admin', async (user, form) => {
  const id = String(form.get('id') ?? '');
  const team = await updateTeam(
    await getDb(),
    actorOf(user),
    id,
    Number(form.get('version')),
    formObject(form, ['memberIds']),
  );
  revalidatePath('/catalog/teams');
  return { message: `Team ${team.name} saved`, data: { slug: team.slug } };
});

export const deleteTeamAction = guardedAction('admin', async (user, form) => {
  const team = await deleteTeam(await getDb(), actorOf(user), String(form.get('id') ?? ''));
  revalidatePath('/catalog/teams');
  return { message: `Team ${team.name} deleted` };
});
