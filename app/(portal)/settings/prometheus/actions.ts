'use server';

import { revalidatePath } from 'next/cache';
import type { DB } from '@/db/client';
import { DATASOURCE_KEY, getDataSource } from '@/db/interop/prometheus-sync';
import { parseOrThrow } from '@/db/platform/parse';
import { putSetting } from '@/db/platform/settings';
import { DomainError } from '@/lib/errors';
import { queryRange } from '@/lib/prometheus/http';
import { dataSourceInput } from '@/lib/validation/datasource';
import { formObject, guardedAction } from '@/server/actions';

/** The data source the form describes; an empty secret field keeps the stored secret (never sent to the browser). */
async function formDataSource(db: DB, form: FormData) {
  const values = formObject(form);
  const current = await getDataSource(db);
  return parseOrThrow(dataSourceInput, {
    ...values,
    bearerToken: values.bearerToken || (values.keepSecrets === 'on' ? current?.bearerToken : ''),
    password: values.password || (values.keepSecrets === 'on' ? current?.password : ''),
  });
}

export const saveDataSourceAction = guardedAction('admin', async (ctx, form) => {
  const db = ctx.db;
  const input = await formDataSource(db, form);
  await putSetting(db, ctx.actor, DATASOURCE_KEY, input);
  revalidatePath('/settings/prometheus');
  return { message: 'Data source saved: Prometheus-sourced SLOs sync from it within a minute' };
});

/** Tests the values in the form (saved or not); without a URL there, the saved data source. */
export const testDataSourceAction = guardedAction('admin', async (ctx, form) => {
  const ds = String(form.get('url') ?? '').trim()
    ? await formDataSource(ctx.db, form)
    : await getDataSource(ctx.db);
  if (!ds) throw new DomainError('No data source yet: enter its URL above, then test or save it.', 409);
  const now = Math.floor(Date.now() / 1000);
  const series = await queryRange(ds, 'vector(1)', now - 60, now, 60).catch((err: Error) => {
    throw new DomainError(err.message, 502);
  });
  return { message: `Connected to ${ds.url} (${series.length} series answered)` };
});
