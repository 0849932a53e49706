'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import {
  createToilCategory,
  setToilCategoryArchived,
  updateToilCategory,
} from '@/db/services/toil-categories';
import { saveToilSettings } from '@/db/services/toil-settings';
import { formObject, guardedAction } from '@/lib/actions';
import { actorOf } from '@/lib/auth/guard';

// Categories and the cap are settings: admins only (SPEC 1.1, 1.4).

export const saveToilSettingsAction = guardedAction('admin', async (user, form) => {
  const saved = await saveToilSettings(await getDb(), actorOf(user), formObject(form));
  revalidatePath('/toil', 'layout');
  return { message: `Toil cap set to ${Math.round(saved.cap * 1000) / 10}%` };
});

export const createToilCategoryAction = guardedAction('admin', async (user, form) => {
  const row = await createToilCategory(await getDb(), actorOf(user), formObject(form));
  revalidatePath('/toil', 'layout');
  return { message: `Category ${row.name} added` };
});

export const updateToilCategoryAction = guardedAction('admin', async (user, form) => {
  const row = await updateToilCategory(
    await getDb(),
    actorOf(user),
    String(form.get('id') ?? ''),
    formObject(form),
  );
  revalidatePath('/toil', 'layout');
  return { message: `Category ${row.name} saved` };
});

export const archiveToilCategoryAction = guardedAction('admin', async (user, form) => {
  const archived = form.get('archived') === 'true';
  const row = await setToilCategoryArchived(
    await getDb(),
    actorOf(user),
    String(form.get('id') ?? ''),
    archived,
  );
  revalidatePath('/toil', 'layout');
  return { message: `Category ${row.name} ${archived ? 'archived' : 'restored'}` };
});
