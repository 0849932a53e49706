'use server';

import { eq } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { DB } from '@/db/client';
import { getDataSource, syncSlo } from '@/db/interop/prometheus-sync';
import { slos } from '@/db/schema';
import { addCorrection, deleteCorrection } from '@/db/slo/corrections';
import { deleteSlo, getSloRow } from '@/db/slo/slos';
import { DomainError, NotFoundError } from '@/lib/errors';
import { deletedHref } from '@/lib/search-params';
import { formObject, guardedAction } from '@/server/actions';

async function sloIdOf(db: DB, slug: string) {
  const [row] = await db.select({ id: slos.id }).from(slos).where(eq(slos.slug, slug));
  if (!row) throw new NotFoundError('SLO');
  return row.id;
}

export const addCorrectionAction = guardedAction('engineer', async (ctx, form) => {
  const slug = String(form.get('slug') ?? '');
  const values = formObject(form);
  // datetime-local inputs carry no zone: the form sends the browser's offset alongside.
  const offset = String(form.get('tzOffset') ?? 'Z');
  const withZone = (v: unknown) =>
    typeof v === 'string' && v && !/[zZ]|[+-]\d\d:\d\d$/.test(v) ? `${v}${offset}` : v;
  await addCorrection(ctx.db, ctx.actor, await sloIdOf(ctx.db, slug), {
    ...values,
    startsAt: withZone(values.startsAt),
    endsAt: withZone(values.endsAt),
  });
  revalidatePath(`/slos/${slug}`);
  return { message: 'Correction added: its minutes are now excluded from every number' };
});

export const deleteCorrectionAction = guardedAction('engineer', async (ctx, form) => {
  const slug = String(form.get('slug') ?? '');
  await deleteCorrection(ctx.db, ctx.actor, await sloIdOf(ctx.db, slug), String(form.get('id') ?? ''));
  revalidatePath(`/slos/${slug}`);
  return { message: 'Correction removed' };
});

export const deleteSloAction = guardedAction('admin', async (ctx, form) => {
  const slo = await deleteSlo(ctx.db, ctx.actor, String(form.get('id') ?? ''));
  revalidatePath('/slos');
  // Redirect from the server: the deleted record's page must not re-render (it would show Not found).
  redirect(deletedHref('/slos', `SLO ${slo.name}`));
});

export const syncNowAction = guardedAction('engineer', async (ctx, form) => {
  const slug = String(form.get('slug') ?? '');
  const db = ctx.db;
  const row = await getSloRow(db, slug);
  if (!row) throw new NotFoundError('SLO');
  const ds = await getDataSource(db);
  if (!ds) throw new DomainError('No Prometheus data source is configured (Settings → Prometheus)', 409);
  const result = await syncSlo(db, row, ds);
  revalidatePath(`/slos/${slug}`);
  if (result.error) throw new DomainError(result.error, 502);
  return { message: `Synced: ${result.appended} new minutes` };
});
