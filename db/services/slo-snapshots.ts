import { inArray, sql } from 'drizzle-orm';
import type { Executor } from '../client';
import { sloSnapshots } from '../schema';
import { getPolicy } from './settings';
import { sloToJson } from './slo-api-json';
import { type OverviewRow, overviewRows } from './slo-overview';
import { computeSloStatuses } from './slo-status';
import { listSloRows, type SloRow } from './slos';

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

/** Recomputes and stores the snapshots of some (default: all) SLOs. */
export async function refreshSnapshots(db: Executor, only?: SloRow[], now = new Date()): Promise<Snapshot[]> {
  const rows = only ?? (await listSloRows(db));
  const policy = await getPolicy(db);
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
        .values(batch)
        .onConflictDoUpdate({
          target: sloSnapshots.sloId,
          set: {
            computedAt: sql`excluded.computed_at`,
            overview: sql`excluded.overview`,
            api: sql`excluded.api`,
          },
        });
    }
    out.push(...batch);
  }
  return out;
}

/** Refreshes the snapshot of the SLOs with these ids (after an ingest, a correction, an edit). */
export async function refreshSnapshotsOf(db: Executor, sloIds: string[]): Promise<void> {
  const ids = new Set(sloIds);
  const rows = (await listSloRows(db)).filter((r) => ids.has(r.id));
  if (rows.length) await refreshSnapshots(db, rows);
}

/** Every SLO's snapshot, recomputing the stale or missing ones first. */
export async function readSnapshots(db: Executor, now = new Date()): Promise<Snapshot[]> {
  const rows = await listSloRows(db);
  const stored = rows.length
    ? await db
        .select()
        .from(sloSnapshots)
        .where(
          inArray(
            sloSnapshots.sloId,
            rows.map((r) => r.id),
          ),
        )
    : [];
  const fresh = new Map(
    stored
      .filter((s) => now.getTime() - s.computedAt.getTime() <= SNAPSHOT_MAX_AGE_MS)
      .map((s) => [
        s.sloId,
        {
          sloId: s.sloId,
          computedAt: s.computedAt,
          overview: s.overview as OverviewRow,
          api: s.api as ApiSlo,
        },
      ]),
  );
  const stale = rows.filter((r) => !fresh.has(r.id));
  for (const s of stale.length ? await refreshSnapshots(db, stale, now) : []) fresh.set(s.sloId, s);
  return rows.map((r) => fresh.get(r.id)).filter((s): s is Snapshot => s !== undefined);
}
