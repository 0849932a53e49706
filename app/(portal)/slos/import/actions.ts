'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { importOpenSlo } from '@/db/services/openslo';
import { guardedAction } from '@/lib/actions';
import { actorOf } from '@/lib/auth/guard';
import type { ImportResult } from '@/lib/openslo';

/** Previews (intent=preview, the default) or imports the pasted OpenSLO YAML; engineers only. */
export const importOpenSloAction = guardedAction<ImportResult>('engineer', async (user, form) => {
  const dryRun = form.get('intent') !== 'import';
  const result = await importOpenSlo(await getDb(), actorOf(user), String(form.get('yaml') ?? ''), {
    dryRun,
  });
  if (dryRun) return { message: '', data: result };
  revalidatePath('/slos');
  const refused = result.errors > 0 ? `, ${result.errors} refused` : '';
  return {
    message: `Imported: ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged${refused}`,
    data: result,
  };
});
