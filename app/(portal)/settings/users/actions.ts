'use server';

import { revalidatePath } from 'next/cache';
import { createUser, getUser, setUserDisabled, updateUser } from '@/db/identity/users';
import { NotFoundError } from '@/lib/errors';
import { formObject, guardedAction } from '@/server/actions';

export const createUserAction = guardedAction('admin', async (ctx, form) => {
  const created = await createUser(ctx.db, ctx.actor, formObject(form));
  revalidatePath('/settings/users');
  return { message: `User ${created.email} created` };
});

export const updateRoleAction = guardedAction('admin', async (ctx, form) => {
  const db = ctx.db;
  const target = await getUser(db, String(form.get('id') ?? ''));
  if (!target) throw new NotFoundError('User');
  const updated = await updateUser(db, ctx.actor, target.id, {
    ...target,
    role: form.get('role'),
    password: '',
  });
  revalidatePath('/settings/users');
  return { message: `${updated.email} is now ${updated.role}` };
});

export const toggleDisabledAction = guardedAction('admin', async (ctx, form) => {
  const disabled = form.get('disabled') === 'true';
  const updated = await setUserDisabled(ctx.db, ctx.actor, String(form.get('id') ?? ''), disabled);
  revalidatePath('/settings/users');
  return { message: `${updated.email} ${disabled ? 'disabled' : 'enabled'}` };
});
