'use server';

import { revalidatePath } from 'next/cache';
import { createSla, deleteSla, updateSla } from '@/db/reports/slas';
import { slaFormToInput } from '@/lib/validation/sla';
import { guardedAction } from '@/server/actions';

// Service owners (engineers) define SLAs (SPEC 1.7); deleting one is an admin's call.

function input(form: FormData) {
  const text = (k: string) => String(form.get(k) ?? '');
  const list = (k: string) => form.getAll(k).map(String);
  return slaFormToInput({
    serviceId: text('serviceId'),
    name: text('name'),
    target: text('target'),
    description: text('description'),
    sloIds: list('sloIds'),
    tierBelow: list('tierBelow'),
    tierCredit: list('tierCredit'),
  });
}

export const createSlaAction = guardedAction<{ id: string }>('engineer', async (ctx, form) => {
  const sla = await createSla(ctx.db, ctx.actor, input(form));
  revalidatePath('/reports');
  return { message: `SLA ${sla.name} created`, data: { id: sla.id } };
});

export const updateSlaAction = guardedAction<{ id: string }>('engineer', async (ctx, form) => {
  const sla = await updateSla(
    ctx.db,
    ctx.actor,
    String(form.get('id') ?? ''),
    Number(form.get('version')),
    input(form),
  );
  revalidatePath('/reports');
  return { message: `SLA ${sla.name} saved`, data: { id: sla.id } };
});

export const deleteSlaAction = guardedAction('admin', async (ctx, form) => {
  const sla = await deleteSla(ctx.db, ctx.actor, String(form.get('id') ?? ''));
  revalidatePath('/reports');
  return { message: `SLA ${sla.name} deleted` };
});
