'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { createService, deleteService, updateService } from '@/db/catalog/services';
import { deletedHref } from '@/lib/search-params';
import { formObject, guardedAction } from '@/server/actions';

// Engineers create and edit services; only admins delete (SPEC 1.1).

export const createServiceAction = guardedAction<{ slug: string }>('engineer', async (ctx, form) => {
  const service = await createService(ctx.db, ctx.actor, formObject(form));
  revalidatePath('/catalog/services');
  return { message: `Service ${service.name} created`, data: { slug: service.slug } };
});

export const updateServiceAction = guardedAction<{ slug: string }>('engineer', async (ctx, form) => {
  const id = String(form.get('id') ?? '');
  const version = Number(form.get('version'));
  const service = await updateService(ctx.db, ctx.actor, id, version, formObject(form));
  revalidatePath('/catalog/services');
  return { message: `Service ${service.name} saved`, data: { slug: service.slug } };
});

export const deleteServiceAction = guardedAction('admin', async (ctx, form) => {
  const service = await deleteService(ctx.db, ctx.actor, String(form.get('id') ?? ''));
  revalidatePath('/catalog/services');
  // Redirect from the server: the deleted record's page must not re-render (it would show Not found).
  redirect(deletedHref('/catalog/services', `Service ${service.name}`));
});
