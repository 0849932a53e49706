'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { createTeam, deleteTeam, updateTeam } from '@/db/catalog/teams';
import { deletedHref } from '@/lib/search-params';
import { formObject, guardedAction } from '@/server/actions';

// Teams are managed by admins (SPEC 1.1).

export const createTeamAction = guardedAction<{ slug: string }>('admin', async (ctx, form) => {
  const team = await createTeam(ctx.db, ctx.actor, formObject(form, ['memberIds']));
  revalidatePath('/catalog/teams');
  return { message: `Team ${team.name} created`, data: { slug: team.slug } };
});

export const updateTeamAction = guardedAction<{ slug: string }>('admin', async (ctx, form) => {
  const id = String(form.get('id') ?? '');
  const team = await updateTeam(
    ctx.db,
    ctx.actor,
    id,
    Number(form.get('version')),
    formObject(form, ['memberIds']),
  );
  revalidatePath('/catalog/teams');
  return { message: `Team ${team.name} saved`, data: { slug: team.slug } };
});

export const deleteTeamAction = guardedAction('admin', async (ctx, form) => {
  const team = await deleteTeam(ctx.db, ctx.actor, String(form.get('id') ?? ''));
  revalidatePath('/catalog/teams');
  // Redirect from the server: the deleted record's page must not re-render (it would show Not found).
  redirect(deletedHref('/catalog/teams', `Team ${team.name}`));
});
