'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { resolveToilTeam } from '@/db/services/toil-entries';
import { checkToilImport, importToilCsv, type ToilImportCheck } from '@/db/services/toil-import';
import { guardedAction } from '@/lib/actions';
import { actorOf } from '@/lib/auth/guard';

// Importing writes toil: engineers (for their team) and admins (for any team).

export const previewToilImportAction = guardedAction<ToilImportCheck>('engineer', async (_user, form) => {
  const check = await checkToilImport(await getDb(), String(form.get('csv') ?? ''));
  return { message: '', data: check };
});

export const importToilCsvAction = guardedAction<{ imported: number; skipped: number }>(
  'engineer',
  async (user, form) => {
    const db = await getDb();
    const team = await resolveToilTeam(db, user, String(form.get('team') ?? ''));
    const result = await importToilCsv(
      db,
      actorOf(user),
      { userId: user.id, teamId: team.id },
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
