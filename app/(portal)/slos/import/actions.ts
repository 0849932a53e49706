'use server';

import { revalidatePath } from 'next/cache';
import { importOpenSlo } from '@/db/interop/openslo';
import type { ImportResult } from '@/lib/openslo';
import { guardedAction } from '@/server/actions';

/** Previews (intent=preview, the default) or imports the pasted OpenSLO YAML; engineers only. */
export const importOpenSloAction = guardedAction<ImportResult>('engineer', async (ctx, form) => {
  const dryRun = form.get('intent') !== 'import';
  const result = await importOpenSlo(ctx.db, ctx.actor, String(form.get('yaml') ?? ''), {
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
