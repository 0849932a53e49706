'use server';

import { revalidatePath } from 'next/cache';
import { createToilCategory, setToilCategoryArchived, updateToilCategory } from '@/db/toil/categories';
import { saveToilSettings } from '@/db/toil/settings';
import { formObject, guardedAction } from '@/server/actions';

// Categories and the cap are settings: admins only (SPEC 1.1, 1.4).

export const saveToilSettingsAction = guardedAction('admin', async (ctx, form) => {
  const saved = await saveToilSettings(ctx.db, ctx.actor, formObject(form));
  revalidatePath('/toil', 'layout');
  return { message: `Toil cap set to ${Math.round(saved.cap * 1000) / 10}%` };
});

export const createToilCategoryAction = guardedAction('admin', async (ctx, form) => {
  const row = await createToilCategory(ctx.db, ctx.actor, formObject(form));
  revalidatePath('/toil', 'layout');
  return { message: `Category ${row.name} added` };
});

export const updateToilCategoryAction = guardedAction('admin', async (ctx, form) => {
  const row = await updateToilCategory(ctx.db, ctx.actor, String(form.get('id') ?? ''), formObject(form));
  revalidatePath('/toil', 'layout');
  return { message: `Category ${row.name} saved` };
});

export const archiveToilCategoryAction = guardedAction('admin', async (ctx, form) => {
  const archived = form.get('archived') === 'true';
  const row = await setToilCategoryArchived(ctx.db, ctx.actor, String(form.get('id') ?? ''), archived);
  revalidatePath('/toil', 'layout');
  return { message: `Category ${row.name} ${archived ? 'archived' : 'restored'}` };
});
