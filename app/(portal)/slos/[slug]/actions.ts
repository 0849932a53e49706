'use server';

import { eq } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { slos } from '@/db/schema';
import { addCorrection, deleteCorrection } from '@/db/services/corrections';
import { getDataSource, syncSlo } from '@/db/services/prometheus-sync';
import { deleteSlo, getSloRow } from '@/db/services/slos';
import { formObject, guardedAction } from '@/lib/actions';
import { actorOf } from '@/lib/auth/guard';
import { DomainError, NotFoundError } from '@/lib/errors';

async function sloIdOf(slug: string) {
  const [row] = await (await getDb()).select({ id: slos.id }).from(slos).where(eq(slos.slug, slug));
  if (!row) throw new NotFoundError('SLO');
  return row.id;
}

export const addCorrectionAction = guardedAction('engineer', async (user, form) => {
  const slug = String(form.get('slug') ?? '');
  const values = formObject(form);
  // datetime-local inputs carry no zone: the form sends the browser's offset alongside.
  const offset = String(form.get('tzOffset') ?? 'Z');
  const withZone = (v: unknown) =>
    typeof v === 'string' && v && !/[zZ]|[+-]\d\d:\d\d$/.test(v) ? `${v}${offset}` : v;
  await addCorrection(await getDb(), actorOf(user), await sloIdOf(slug), {
    ...values,
    startsAt: withZone(values.startsAt),
    endsAt: withZone(values.endsAt),
  });
  revalidatePath(`/slos/${slug}`);
  return { message: 'Correction added: its minutes are now excluded from every number' };
});

export const deleteCorrectionAction = guardedAction('engineer', async (user, form) => {
  const slug = String(form.get('slug') ?? '');
  await deleteCorrection(await getDb(), actorOf(user), await sloIdOf(slug), String(form.get('id') ?? ''));
  revalidatePath(`/slos/${slug}`);
  return { message: 'Correction removed' };
});

export const deleteSloAction = guardedAction('admin', async (user, form) => {
  const slo = await deleteSlo(await getDb(), actorOf(user), String(form.get('id') ?? ''));
  revalidatePath('/slos');
  return { message: `SLO ${slo.name} deleted` };
});

export const syncNowAction = guardedAction('engineer', async (_user, form) => {
  const slug = String(form.get('slug') ?? '');
  const db = await getDb();
  const row = await getSloRow(db, slug);
  if (!row) throw new NotFoundError('SLO');
  const ds = await getDataSource(db);
  if (!ds) throw new DomainError('No Prometheus data source is configured (Settings → Prometheus)', 409);
  const result = await syncSlo(db, row, ds);
  revalidatePath(`/slos/${slug}`);
  if (result.error) throw new DomainError(result.error, 502);
  return { message: `Synced: ${result.appended} new minutes` };
});
