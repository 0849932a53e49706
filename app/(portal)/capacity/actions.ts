'use server';

import { revalidatePath } from 'next/cache';
import { importCapacityCsv } from '@/db/capacity/import';
import { createResource, deleteResource, getResourceBySlug, updateResource } from '@/db/capacity/resources';
import { addScenario, deleteScenario } from '@/db/capacity/scenarios';
import type { Executor } from '@/db/client';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { formObject, guardedAction } from '@/server/actions';

// Engineers own capacity plans: resources, scenarios and demand history (SPEC 1.5).

async function resourceOf(db: Executor, form: FormData) {
  const resource = await getResourceBySlug(db, String(form.get('resource') ?? ''));
  if (!resource) throw new NotFoundError('Capacity resource');
  return resource;
}

export const createResourceAction = guardedAction<{ slug: string }>('engineer', async (ctx, form) => {
  const r = await createResource(ctx.db, ctx.actor, formObject(form));
  revalidatePath('/capacity');
  return { message: `Resource ${r.name} created`, data: { slug: r.slug } };
});

export const updateResourceAction = guardedAction<{ slug: string }>('engineer', async (ctx, form) => {
  const r = await updateResource(
    ctx.db,
    ctx.actor,
    String(form.get('id') ?? ''),
    Number(form.get('version')),
    formObject(form),
  );
  revalidatePath('/capacity');
  return { message: `Resource ${r.name} saved`, data: { slug: r.slug } };
});

export const deleteResourceAction = guardedAction('engineer', async (ctx, form) => {
  const r = await deleteResource(ctx.db, ctx.actor, String(form.get('id') ?? ''));
  revalidatePath('/capacity');
  return { message: `Resource ${r.name} deleted` };
});

export const addScenarioAction = guardedAction('engineer', async (ctx, form) => {
  const resource = await resourceOf(ctx.db, form);
  const s = await addScenario(ctx.db, ctx.actor, resource.id, formObject(form));
  revalidatePath(`/capacity/${resource.slug}`);
  return { message: `Scenario ${s.name} added` };
});

export const deleteScenarioAction = guardedAction('engineer', async (ctx, form) => {
  const resource = await resourceOf(ctx.db, form);
  const s = await deleteScenario(ctx.db, ctx.actor, resource.id, String(form.get('id') ?? ''));
  revalidatePath(`/capacity/${resource.slug}`);
  return { message: `Scenario ${s.name} removed` };
});

export const importSamplesAction = guardedAction('engineer', async (ctx, form) => {
  const resource = await resourceOf(ctx.db, form);
  const file = form.get('file');
  const text =
    file instanceof File && file.size > 0 ? await file.text() : String(form.get('csv') ?? '').trim();
  if (!text) throw new ValidationError('Nothing to import', { csv: ['Choose a CSV file or paste rows'] });
  const { accepted } = await importCapacityCsv(ctx.db, ctx.actor, resource.id, text);
  revalidatePath(`/capacity/${resource.slug}`);
  return { message: `${accepted} sample${accepted === 1 ? '' : 's'} imported` };
});
