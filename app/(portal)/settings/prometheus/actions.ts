'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { parseOrThrow } from '@/db/services/parse';
import { DATASOURCE_KEY, getDataSource } from '@/db/services/prometheus-sync';
import { putSetting } from '@/db/services/settings';
import { formObject, guardedAction } from '@/lib/actions';
import { actorOf } from '@/lib/auth/guard';
import { DomainError } from '@/lib/errors';
import { queryRange } from '@/lib/prometheus/http';
import { dataSourceInput } from '@/lib/validation/datasource';

export const saveDataSourceAction = guardedAction('admin', async (user, form) => {
  const db = await getDb();
  const values = formObject(form);
  const current = await getDataSource(db);
  // An empty secret field keeps the stored secret (it is never sent back to the browser).
  const input = parseOrThrow(dataSourceInput, {
    ...values,
    bearerToken: values.bearerToken || (values.keepSecrets === 'on' ? current?.bearerToken : ''),
    password: values.password || (values.keepSecrets === 'on' ? current?.password : ''),
  });
  await putSetting(db, actorOf(user), DATASOURCE_KEY, input);
  revalidatePath('/settings/prometheus');
  return { message: 'Data source saved: Prometheus-sourced SLOs sync from it within a minute' };
});

export const testDataSourceAction = guardedAction('admin', async () => {
  const ds = await getDataSource(await getDb());
  if (!ds) return { message: 'No data source configured yet' };
  const now = Math.floor(Date.now() / 1000);
  const series = await queryRange(ds, 'vector(1)', now - 60, now, 60).catch((err: Error) => {
    throw new DomainError(err.message, 502);
  });
  return { message: `Connected to ${ds.url} (${series.length} series answered)` };
});
