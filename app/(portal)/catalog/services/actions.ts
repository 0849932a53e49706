'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { createService, deleteService, updateService } from '@/db/services/services';
import { formObject, guardedAction } from '@/lib/actions';
import { actorOf } from '@/lib/auth/guard';

// Engineers create and edit services; only admins delete (SPEC 1.1).

export const createServiceAction = guardedAction<{ slug: string }>('engineer', async (user, form) => {
  const service = await createService(await getDb(), actorOf(user), formObject(form));
  revalidatePath('/catalog/services');
  return { message: `Service ${service.name} created`, data: { slug: service.slug } };
});

export const updateServiceAction = guardedAction<{ slug: string }>('engineer', async (user, form) => {
  const id = String(form.get('id') ?? '');
  const version = Number(form.get('version'));
  const service = await updateService(await getDb(), actorOf(user), id, version, formObject(form));
  revalidatePath('/catalog/services');
  return { message: `Service ${service.name} saved`, data: { slug: service.slug } };
});

export const deleteServiceAction = guardedAction('admin', async (user, form) => {
  const service = await deleteService(await getDb(), actorOf(user), String(form.get('id') ?? ''));
  revalidatePath('/catalog/services');
  return { message: `Service ${service.name} deleted` };
});
