import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import type { MutationHook } from '@/db/platform/mutation';

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

/**
 * Every change that can move an SLO's numbers or its overview row drops the affected snapshots
 * in the same transaction: the SLO itself, its corrections and samples, and names or policies
 * shown on every row (services, teams, settings).
 */
export const sloSnapshotHook: MutationHook = {
  entityTypes: ['slo', 'slo_correction', 'slo_samples', 'service', 'team', 'setting'],
  inTransaction: async (tx, change) => {
    if (change.entityType === 'slo' || change.entityType === 'slo_samples')
      return invalidateSnapshots(tx, [change.entityId]);
    if (change.entityType === 'slo_correction') {
      const sloId = sloIdOf(change.after) ?? sloIdOf(change.before);
      return invalidateSnapshots(tx, sloId ? [sloId] : 'all');
    }
    if (change.action.endsWith('.create')) return; // a new service/team/setting is on no row yet
    return invalidateSnapshots(tx, 'all');
  },
};

function sloIdOf(value: unknown): string | undefined {
  const id = (value as { sloId?: unknown } | null | undefined)?.sloId;
  return typeof id === 'string' ? id : undefined;
}
