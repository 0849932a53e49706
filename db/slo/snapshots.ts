import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { getPolicy } from '@/db/platform/settings';
import { queryRows } from '@/db/platform/sql';
import { sloSnapshots } from '@/db/schema';
import { NotFoundError } from '@/lib/errors';
import { sloToJson } from './api-json';
import { type OverviewRow, overviewRows } from './overview';
import { listSloRows, listSloRowsById } from './slos';
import { forgetSnapshotMemo, snapshotMemo } from './snapshot-invalidation';
import { computeSloStatuses } from './status';

/** Snapshots older than this are recomputed on read: a missing background job costs speed, not correctness. */
export const SNAPSHOT_MAX_AGE_MS = 60_000;
const BATCH = 250;

export type ApiSlo = ReturnType<typeof sloToJson>;
export interface Snapshot {
  sloId: string;
  computedAt: Date;
  overview: OverviewRow;
  api: ApiSlo;
}

/**
 * Recomputes and stores the snapshots of some (default: all) SLOs. Each is stored only if
 * no write has bumped its generation since before anything it depends on was read, so a
 * snapshot is never older than the last write (see invalidateSnapshots); the caller gets
 * the fresh numbers either way. The generations are read first: the SLO rows, names and
 * policy, samples and corrections are all read after them, so a write that committed in
 * between has a higher generation and the store is skipped.
 */
export async function refreshSnapshots(
  db: Executor,
  onlyIds?: string[],
  now = new Date(),
): Promise<Snapshot[]> {
  if (onlyIds && onlyIds.length === 0) return [];
  const which = onlyIds ? sql`where slo_id = any(${`{${onlyIds.join(',')}}`}::uuid[])` : sql``;
  const generations = new Map(
    (
      await queryRows<{ slo_id: string; generation: number | string }>(
        db,
        sql`select slo_id::text, generation from slo_snapshots ${which}`,
      )
    ).map((r) => [r.slo_id, Number(r.generation)]),
  );
  const [found, policy] = await Promise.all([
    onlyIds ? listSloRowsById(db, onlyIds) : listSloRows(db),
    getPolicy(db),
  ]);
  // In id order, as writers lay their tombstones: neither waits on the other crosswise.
  const rows = [...found].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const out: Snapshot[] = [];
  for (let i = 0; i < rows.length; i += BATCH) {
    const views = await computeSloStatuses(db, rows.slice(i, i + BATCH), policy, now);
    const overview = await overviewRows(db, views);
    const batch = views.map((v, j) => ({
      sloId: v.slo.id,
      computedAt: now,
      overview: overview[j],
      api: sloToJson(v),
    }));
    if (batch.length) {
      await db
        .insert(sloSnapshots)
        .values(batch.map((b) => ({ ...b, generation: generations.get(b.sloId) ?? 0 })))
        .onConflictDoUpdate({
          target: sloSnapshots.sloId,
          set: {
            computedAt: sql`excluded.computed_at`,
            overview: sql`excluded.overview`,
            api: sql`excluded.api`,
          },
          setWhere: sql`${sloSnapshots.generation} = excluded.generation`,
        });
    }
    out.push(...batch);
  }
  return out;
}

/** Refreshes the snapshot of the SLOs with these ids (after an ingest, a correction, an edit). */
export async function refreshSnapshotsOf(db: Executor, sloIds: string[]): Promise<void> {
  await refreshSnapshots(db, sloIds);
}

/**
 * One column of every SLO's snapshot in one query, recomputing stale or missing
 * snapshots first (only then are the SLO rows loaded).
 */
async function readColumn<T>(
  db: Executor,
  column: 'overview' | 'api',
  now: Date,
  services?: string[],
): Promise<T[]> {
  const only = services
    ? sql`where o.service_id in (select id from services where slug = any(${`{${services.join(',')}}`}::text[]))`
    : sql``;
  const rows = await queryRows<{ id: string; computed_at: string | Date | null; value: T | null }>(
    db,
    sql`select o.id::text as id, s.computed_at, s.${sql.raw(column)} as value
        from slos o left join slo_snapshots s on s.slo_id = o.id ${only} order by o.id`,
  );
  const staleIds = new Set(
    rows
      .filter(
        (r) => !r.computed_at || now.getTime() - new Date(r.computed_at).getTime() > SNAPSHOT_MAX_AGE_MS,
      )
      .map((r) => r.id),
  );
  if (staleIds.size === 0) return rows.map((r) => r.value as T);
  const refreshed = new Map(
    (await refreshSnapshots(db, [...staleIds], now)).map((s) => [s.sloId, s[column] as T]),
  );
  return rows
    .map((r) => (staleIds.has(r.id) ? refreshed.get(r.id) : r.value))
    .filter((v): v is T => v !== undefined && v !== null);
}

// Every viewer reads the same snapshots: one read serves all readers for a moment,
// instead of each of 50 open dashboards re-reading 1,000 rows (numbers are ≤ 30 s old anyway).
const MEMO_MS = 2_000;

export function readOverviewSnapshots(db: Executor, now = new Date()): Promise<OverviewRow[]> {
  const memo = snapshotMemo.current;
  if (memo && now.getTime() - memo.at < MEMO_MS) return memo.rows as Promise<OverviewRow[]>;
  const rows = readColumn<OverviewRow>(db, 'overview', now);
  snapshotMemo.current = { at: now.getTime(), rows };
  rows.catch(forgetSnapshotMemo);
  return rows;
}

/**
 * One SLO's machine-API numbers from its snapshot (dropped at every write that moves them,
 * recomputed after SNAPSHOT_MAX_AGE_MS), computing and storing it when missing or stale.
 */
export async function readApiSnapshotBySlug(db: Executor, slug: string, now = new Date()): Promise<ApiSlo> {
  const [found] = await queryRows<{ id: string; computed_at: string | Date | null; api: ApiSlo | null }>(
    db,
    sql`select o.id::text as id, s.computed_at, s.api from slos o left join slo_snapshots s on s.slo_id = o.id
        where o.slug = ${slug}`,
  );
  if (!found) throw new NotFoundError(`SLO "${slug}"`);
  if (
    found.api &&
    found.computed_at &&
    now.getTime() - new Date(found.computed_at).getTime() <= SNAPSHOT_MAX_AGE_MS
  )
    return found.api;
  const [snapshot] = await refreshSnapshots(db, [found.id], now);
  if (!snapshot) throw new NotFoundError(`SLO "${slug}"`);
  return snapshot.api;
}

export function readApiSnapshots(db: Executor, services?: string[], now = new Date()): Promise<ApiSlo[]> {
  return readColumn<ApiSlo>(db, 'api', now, services);
}
