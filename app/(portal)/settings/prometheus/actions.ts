'use server';

import { revalidatePath } from 'next/cache';
import { DATASOURCE_KEY, getDataSource } from '@/db/interop/prometheus-sync';
import { parseOrThrow } from '@/db/platform/parse';
import { putSetting } from '@/db/platform/settings';
import { DomainError } from '@/lib/errors';
import { queryRange } from '@/lib/prometheus/http';
import { dataSourceInput } from '@/lib/validation/datasource';
import { formObject, guardedAction } from '@/server/actions';

export const saveDataSourceAction = guardedAction('admin', async (ctx, form) => {
  const db = ctx.db;
  const values = formObject(form);
  const current = await getDataSource(db);
  // An empty secret field keeps the stored secret (it is never sent back to the browser).
  const input = parseOrThrow(dataSourceInput, {
    ...values,
    bearerToken: values.bearerToken || (values.keepSecrets === 'on' ? current?.bearerToken : ''),
    password: values.password || (values.keepSecrets === 'on' ? current?.password : ''),
  });
  await putSetting(db, ctx.actor, DATASOURCE_KEY, input);
  revalidatePath('/settings/prometheus');
  return { message: 'Data source saved: Prometheus-sourced SLOs sync from it within a minute' };
});

export const testDataSourceAction = guardedAction('admin', async (ctx) => {
  const ds = await getDataSource(ctx.db);
  if (!ds) return { message: 'No data source configured yet' };
  const now = Math.floor(Date.now() / 1000);
  const series = await queryRange(ds, 'vector(1)', now - 60, now, 60).catch((err: Error) => {
    throw new DomainError(err.message, 502);
  });
  return { message: `Connected to ${ds.url} (${series.length} series answered)` };
});
