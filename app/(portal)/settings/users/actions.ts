'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { createUser, getUser, setUserDisabled, updateUser } from '@/db/services/users';
import { formObject, guardedAction } from '@/lib/actions';
import { actorOf } from '@/lib/auth/guard';
import { NotFoundError } from '@/lib/errors';

export const createUserAction = guardedAction('admin', async (user, form) => {
  const created = await createUser(await getDb(), actorOf(user), formObject(form));
  revalidatePath('/settings/users');
  return { message: `User ${created.email} created` };
});

export const updateRoleAction = guardedAction('admin', async (user, form) => {
  const db = await getDb();
  const target = await getUser(db, String(form.get('id') ?? ''));
  if (!target) throw new NotFoundError('User');
  const updated = await updateUser(db, actorOf(user), target.id, {
    ...target,
    role: form.get('role'),
    password: '',
  });
  revalidatePath('/settings/users');
  return { message: `${updated.email} is now ${updated.role}` };
});

export const toggleDisabledAction = guardedAction('admin', async (user, form) => {
  const disabled = form.get('disabled') === 'true';
  const updated = await setUserDisabled(await getDb(), actorOf(user), String(form.get('id') ?? ''), disabled);
  revalidatePath('/settings/users');
  return { message: `${updated.email} ${disabled ? 'disabled' : 'enabled'}` };
});
