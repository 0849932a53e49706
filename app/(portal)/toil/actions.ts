'use server';

import { revalidatePath } from 'next/cache';
import type { RecentEntry } from '@/components/toil/types';
import type { DB } from '@/db/client';
import { createToilEntry, deleteToilEntry, resolveToilTeam, updateToilEntry } from '@/db/toil/entries';
import { getEntryRow } from '@/db/toil/entry-list';
import { NotFoundError } from '@/lib/errors';
import { TOIL_CSV_COLUMNS } from '@/lib/toil/csv';
import { guardedAction } from '@/server/actions';
import { toRecentEntry } from './recent-entries';

// Engineers log toil and change their own entries; admins anyone's (SPEC 1.1).

/** The entry's fields as the row validator reads them (named like the CSV columns). */
function entryRecord(form: FormData): Record<string, string> {
  return Object.fromEntries(TOIL_CSV_COLUMNS.map((column) => [column, String(form.get(column) ?? '')]));
}

async function recentEntry(db: DB, id: string): Promise<RecentEntry> {
  const row = await getEntryRow(db, id);
  if (!row) throw new NotFoundError('Toil entry');
  return toRecentEntry(row);
}

export const createToilEntryAction = guardedAction<RecentEntry>('engineer', async (ctx, form) => {
  const db = ctx.db;
  const team = await resolveToilTeam(db, ctx.user, String(form.get('team') ?? ''));
  const entry = await createToilEntry(
    db,
    ctx.actor,
    { userId: ctx.user.id, teamId: team.id },
    entryRecord(form),
  );
  revalidatePath('/toil/entries');
  return { message: 'Toil logged', data: await recentEntry(ctx.db, entry.id) };
});

export const updateToilEntryAction = guardedAction<RecentEntry>('engineer', async (ctx, form) => {
  const id = String(form.get('id') ?? '');
  const version = Number(form.get('version'));
  await updateToilEntry(ctx.db, ctx.actor, ctx.user, id, version, entryRecord(form));
  revalidatePath('/toil/entries');
  return { message: 'Entry saved', data: await recentEntry(ctx.db, id) };
});

export const deleteToilEntryAction = guardedAction('engineer', async (ctx, form) => {
  const entry = await deleteToilEntry(ctx.db, ctx.actor, ctx.user, String(form.get('id') ?? ''));
  revalidatePath('/toil/entries');
  return { message: `Deleted "${entry.task}"` };
});
