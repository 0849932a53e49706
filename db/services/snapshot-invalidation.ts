import { sql } from 'drizzle-orm';
import type { Executor } from '../client';

// Kept apart from slo-snapshots.ts so that every writer (samples, slos, services,
// teams, corrections, settings) can invalidate without importing the status code.

type Memo = { at: number; rows: Promise<unknown> } | null;
export const snapshotMemo: { current: Memo } = { current: null };

/** Forgets this process's shared copy of the overview snapshots. */
export function forgetSnapshotMemo(): void {
  snapshotMemo.current = null;
}

/** Drops stored snapshots so the next read recomputes these SLOs (see slo-snapshots.ts). */
export async function invalidateSnapshots(tx: Executor, sloIds: string[] | 'all'): Promise<void> {
  forgetSnapshotMemo();
  if (sloIds === 'all') await tx.execute(sql`delete from slo_snapshots`);
  else if (sloIds.length)
    await tx.execute(sql`delete from slo_snapshots where slo_id = any(${`{${sloIds.join(',')}}`}::uuid[])`);
}
