import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import type { Change, MutationHook } from '@/db/platform/mutation';

// Kept apart from slo-snapshots.ts so that every writer (samples, slos, services,
// teams, corrections, settings) can invalidate without importing the status code.

type Memo = { at: number; rows: Promise<unknown> } | null;
export const snapshotMemo: { current: Memo } = { current: null };

/** Forgets this process's shared copy of the overview snapshots. */
export function forgetSnapshotMemo(): void {
  snapshotMemo.current = null;
}

/** The channel on which every replica hears that snapshots were dropped (delivered at commit). */
export const SNAPSHOT_CHANNEL = 'sre_slo_snapshots';

/**
 * Drops stored snapshots so the next read recomputes these SLOs (see snapshots.ts), and
 * tells every replica to forget its shared copy when the transaction commits (NOTIFY).
 * Each snapshot becomes a tombstone with its generation bumped, so a reader that computed
 * from data older than this write cannot store its numbers afterwards: its upsert waits for
 * this row until the write commits and then finds another generation (refreshSnapshots).
 */
export async function invalidateSnapshots(tx: Executor, sloIds: string[] | 'all'): Promise<void> {
  forgetSnapshotMemo();
  if (sloIds !== 'all' && sloIds.length === 0) return;
  await tx.execute(sql`with ${snapshotTombstones(sloIds)} select pg_notify(${SNAPSHOT_CHANNEL}, '')`);
}

/**
 * The tombstones of invalidateSnapshots as a data-modifying CTE named `tombstones`, for a
 * writer that folds them into a statement of its own (the ingest path): it must also call
 * forgetSnapshotMemo() and NOTIFY SNAPSHOT_CHANNEL in the same transaction. Ids are taken in
 * order, as readers store them, so two writers never lock each other's rows crosswise.
 */
export function snapshotTombstones(sloIds: string[] | 'all') {
  const which = sloIds === 'all' ? sql`` : sql`where id = any(${`{${sloIds.join(',')}}`}::uuid[])`;
  return sql`tombstones as (
      insert into slo_snapshots (slo_id, generation)
      select id, 1 from slos ${which} order by id
      on conflict (slo_id) do update set generation = slo_snapshots.generation + 1,
        computed_at = null, overview = null, api = null
      returning 1
    )`;
}

/** Each server process listens once (PostgreSQL only; the embedded database is one process). */
export async function listenForSnapshotInvalidation(pg: import('postgres').Sql | undefined): Promise<void> {
  if (!pg) return;
  await pg.listen(SNAPSHOT_CHANNEL, forgetSnapshotMemo);
}

/**
 * Every change that can move an SLO's numbers or its overview row drops the affected snapshots
 * in the same transaction: the SLO itself, its corrections (audited on the SLO) and samples,
 * the names shown on every row (a service or team update) and the SLO settings (the error-budget
 * policy, key `slo.policy`). Creating or deleting a service or team cannot: no SLO can point at
 * a new one, and one with SLOs (or services) cannot be deleted. After the commit the process's
 * shared copy is forgotten again, so no reader keeps what it memoised while the change was open.
 */
export const sloSnapshotHook: MutationHook = {
  entityTypes: ['slo', 'slo_correction', 'slo_samples', 'service', 'team', 'settings'],
  inTransaction: async (tx, change) => {
    const ids = affectedSlos(change);
    if (ids) await invalidateSnapshots(tx, ids);
  },
  afterCommit: (change) => {
    if (affectedSlos(change)) forgetSnapshotMemo();
  },
};

/** The SLOs whose snapshots a change makes stale (null: none). */
function affectedSlos(change: Change): string[] | 'all' | null {
  switch (change.entityType) {
    case 'slo':
    case 'slo_samples':
      return [change.entityId];
    case 'slo_correction': {
      const sloId = sloIdOf(change.after) ?? sloIdOf(change.before);
      return sloId ? [sloId] : 'all';
    }
    case 'service':
    case 'team':
      return change.action.endsWith('.update') ? 'all' : null;
    case 'settings':
      return change.entityId.startsWith('slo.') ? 'all' : null;
    default:
      return null;
  }
}

function sloIdOf(value: unknown): string | undefined {
  const id = (value as { sloId?: unknown } | null | undefined)?.sloId;
  return typeof id === 'string' ? id : undefined;
}
