'use server';

import { revalidatePath } from 'next/cache';
import type { RecentEntry } from '@/components/toil/types';
import { getDb } from '@/db';
import { getEntryRow } from '@/db/queries/toil-entries';
import {
  createToilEntry,
  deleteToilEntry,
  resolveToilTeam,
  updateToilEntry,
} from '@/db/services/toil-entries';
import { guardedAction } from '@/lib/actions';
import { actorOf } from '@/lib/auth/guard';
import { NotFoundError } from '@/lib/errors';
import { TOIL_CSV_COLUMNS } from '@/lib/toil/csv';
import { toRecentEntry } from './recent-entries';

// Engineers log toil and change their own entries; admins anyone's (SPEC 1.1).

/** The entry's fields as the row validator reads them (named like the CSV columns). */
function entryRecord(form: FormData): Record<string, string> {
  return Object.fromEntries(TOIL_CSV_COLUMNS.map((column) => [column, String(form.get(column) ?? '')]));
}

async function recentEntry(id: string): Promise<RecentEntry> {
  const row = await getEntryRow(await getDb(), id);
  if (!row) throw new NotFoundError('Toil entry');
  return toRecentEntry(row);
}

export const createToilEntryAction = guardedAction<RecentEntry>('engineer', async (user, form) => {
  const db = await getDb();
  const team = await resolveToilTeam(db, user, String(form.get('team') ?? ''));
  const entry = await createToilEntry(
    db,
    actorOf(user),
    { userId: user.id, teamId: team.id },
    entryRecord(form),
  );
  revalidatePath('/toil/entries');
  return { message: 'Toil logged', data: await recentEntry(entry.id) };
});

export const updateToilEntryAction = guardedAction<RecentEntry>('engineer', async (user, form) => {
  const id = String(form.get('id') ?? '');
  const version = Number(form.get('version'));
  await updateToilEntry(await getDb(), actorOf(user), user, id, version, entryRecord(form));
  revalidatePath('/toil/entries');
  return { message: 'Entry saved', data: await recentEntry(id) };
});

export const deleteToilEntryAction = guardedAction('engineer', async (user, form) => {
  const entry = await deleteToilEntry(await getDb(), actorOf(user), user, String(form.get('id') ?? ''));
  revalidatePath('/toil/entries');
  return { message: `Deleted "${entry.task}"` };
});
