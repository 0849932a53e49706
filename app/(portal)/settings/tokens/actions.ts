'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { createToken, revokeToken } from '@/db/services/tokens';
import { formObject, guardedAction } from '@/lib/actions';
import { actorOf } from '@/lib/auth/guard';

export const createTokenAction = guardedAction<{ token: string; name: string }>(
  'admin',
  async (user, form) => {
    const created = await createToken(await getDb(), actorOf(user), formObject(form, ['scopes']));
    revalidatePath('/settings/tokens');
    // The secret goes back to the admin who created it exactly once; it is never stored.
    return { message: `Token ${created.name} created`, data: { token: created.token, name: created.name } };
  },
);

export const revokeTokenAction = guardedAction('admin', async (user, form) => {
  const token = await revokeToken(await getDb(), actorOf(user), String(form.get('id') ?? ''));
  revalidatePath('/settings/tokens');
  return { message: `Token ${token.name} revoked` };
});
