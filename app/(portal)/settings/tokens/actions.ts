'use server';

import { revalidatePath } from 'next/cache';
import { createToken, revokeToken } from '@/db/identity/tokens';
import { formObject, guardedAction } from '@/server/actions';

export const createTokenAction = guardedAction<{ token: string; name: string }>(
  'admin',
  async (ctx, form) => {
    const created = await createToken(ctx.db, ctx.actor, formObject(form, ['scopes']));
    revalidatePath('/settings/tokens');
    // The secret goes back to the admin who created it exactly once; it is never stored.
    return { message: `Token ${created.name} created`, data: { token: created.token, name: created.name } };
  },
);

export const revokeTokenAction = guardedAction('admin', async (ctx, form) => {
  const token = await revokeToken(ctx.db, ctx.actor, String(form.get('id') ?? ''));
  revalidatePath('/settings/tokens');
  return { message: `Token ${token.name} revoked` };
});
