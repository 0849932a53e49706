'use server';

import { revalidatePath } from 'next/cache';
import { resolveToilTeam } from '@/db/toil/entries';
import { checkToilImport, importToilCsv, type ToilImportCheck } from '@/db/toil/import';
import { guardedAction } from '@/server/actions';

// Importing writes toil: engineers (for their team) and admins (for any team).

export const previewToilImportAction = guardedAction<ToilImportCheck>('engineer', async (ctx, form) => {
  const check = await checkToilImport(ctx.db, String(form.get('csv') ?? ''));
  return { message: '', data: check };
});

export const importToilCsvAction = guardedAction<{ imported: number; skipped: number }>(
  'engineer',
  async (ctx, form) => {
    const db = ctx.db;
    const team = await resolveToilTeam(db, ctx.user, String(form.get('team') ?? ''));
    const result = await importToilCsv(
      db,
      ctx.actor,
      { userId: ctx.user.id, teamId: team.id },
      String(form.get('csv') ?? ''),
      { validOnly: form.get('validOnly') === 'true' },
    );
    revalidatePath('/toil/entries');
    revalidatePath('/toil/reports');
    const skipped = result.skipped
      ? `; skipped ${result.skipped} bad row${result.skipped === 1 ? '' : 's'}`
      : '';
    return {
      message: `Imported ${result.imported} entr${result.imported === 1 ? 'y' : 'ies'} for ${team.name}${skipped}`,
      data: { imported: result.imported, skipped: result.skipped },
    };
  },
);
