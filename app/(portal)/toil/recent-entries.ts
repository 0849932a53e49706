import type { RecentEntry } from '@/components/toil/types';
import type { Executor } from '@/db';
import type { ToilEntryRow } from '@/db/toil/entry-list';
import { recentEntriesOf } from '@/db/toil/entry-list';

export const RECENT_LIMIT = 10;

export function toRecentEntry(row: ToilEntryRow): RecentEntry {
  return {
    id: row.id,
    date: row.date,
    task: row.task,
    minutes: row.minutes,
    category: row.categorySlug,
    categoryName: row.categoryName,
    service: row.serviceSlug,
    serviceName: row.serviceName,
    interrupt: row.interrupt,
    afterHours: row.afterHours,
    automatable: row.automatable,
    notes: row.notes,
    teamId: row.teamId,
    createdAt: row.createdAt.toISOString(),
  };
}

/** "My recent entries": what the user logged last, newest first. */
export async function myRecentEntries(db: Executor, userId: string): Promise<RecentEntry[]> {
  return (await recentEntriesOf(db, userId, RECENT_LIMIT)).map(toRecentEntry);
}
