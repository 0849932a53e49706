import type { Sql } from 'postgres';
import { syncDueCapacity } from '@/db/capacity/prometheus-sync';
import type { DbHandle } from '@/db/client';
import { getDataSource, getSyncState, syncSlo } from '@/db/interop/prometheus-sync';
import { recordAlertTransitions } from '@/db/slo/alert-history';
import { deliverNotifications } from '@/db/slo/notifications';
import { pruneRawSamples } from '@/db/slo/samples';
import { listSloRows } from '@/db/slo/slos';
import { refreshSnapshots } from '@/db/slo/snapshots';
import { env } from '@/lib/env';

/** Any 64-bit key shared by every replica: whoever holds it is the one that syncs. */
const SYNC_LOCK_KEY = 7_355_608_001;

/**
 * One sync per deployment (SPEC 4): on PostgreSQL a replica must hold a session
 * advisory lock; the embedded database is single-process. The lock lives on a connection
 * of its own (DbHandle.openSession), not one reserved from the pool: postgres.js keeps a
 * reserved connection's handle after the connection dies, and a query sent on it then
 * never answers and breaks that pool slot for good (every later connect on it timed out),
 * so one database restart stopped the background loop and kept failing requests after.
 */
class LeaderLock {
  private session: Sql | null = null;
  private locked = false;
  constructor(readonly handle: DbHandle) {}

  async held(): Promise<boolean> {
    if (!this.handle.openSession) return true;
    // The connection closing ends the session, and the lock with it: compete again.
    this.session ??= this.handle.openSession(() => {
      this.locked = false;
    });
    try {
      if (this.locked) {
        await this.session`select 1`;
        return this.locked;
      }
      const [row] = await this.session`select pg_try_advisory_lock(${SYNC_LOCK_KEY}) as locked`;
      this.locked = row?.locked === true;
      return this.locked;
    } catch {
      this.locked = false; // the database is away: compete again next round
      return false;
    }
  }
}

export async function syncDueSlos(handle: DbHandle, now = new Date()): Promise<number> {
  const ds = await getDataSource(handle.db);
  if (!ds) return 0;
  let synced = 0;
  for (const slo of await listSloRows(handle.db)) {
    if (slo.sourceType !== 'prometheus') continue;
    const state = await getSyncState(handle.db, slo.id);
    if (state?.nextAttemptAt && state.nextAttemptAt > now) continue;
    await syncSlo(handle.db, slo, ds, now);
    synced += 1;
  }
  return synced;
}

/** Where alert links point (runbooks aside): the portal's own URL. */
function portalBaseUrl(): string {
  return process.env.NEXTAUTH_URL ?? 'http://localhost:3000';
}

/**
 * One background round, on the lock holder only: sync Prometheus SLOs, refresh
 * the snapshots, record alert transitions (history, hooks) and deliver
 * notifications. Returns false when another replica holds the lock.
 */
export function createBackgroundLoop(getHandle: () => Promise<DbHandle>) {
  let lock: LeaderLock | null = null;
  let running = false;
  let lastPrune = 0;
  const tick = async (now = new Date()): Promise<boolean> => {
    if (running) return false;
    running = true;
    try {
      const handle = await getHandle();
      // A new pool after an outage (db/index.ts renewDbHandle) brings a new lock session.
      if (lock?.handle !== handle) lock = new LeaderLock(handle);
      if (!(await lock.held())) return false;
      await syncDueSlos(handle, now);
      await syncDueCapacity(handle.db);
      // Keep the overview's snapshots fresh so no reader waits for 1,000 SLOs to compute.
      const snapshots = await refreshSnapshots(handle.db, undefined, now);
      // Alert history and notifications: once per deployment, because only the leader gets here.
      await recordAlertTransitions(
        handle.db,
        snapshots.map((s) => s.api),
        now,
      );
      await deliverNotifications(handle.db, portalBaseUrl(), now);
      if (now.getTime() - lastPrune > 3_600_000) {
        lastPrune = now.getTime();
        await pruneRawSamples(handle.db, env().SLI_RAW_RETENTION_DAYS);
      }
      return true;
    } catch (err) {
      console.error('background round failed', err);
      return false;
    } finally {
      running = false;
    }
  };
  return { tick };
}

/** Started once per server process (instrumentation.ts); only the lock holder works. */
export function startBackgroundJobs(getHandle: () => Promise<DbHandle>, everyMs = 30_000): void {
  const loop = createBackgroundLoop(getHandle);
  const tick = () => void loop.tick();
  setTimeout(tick, 5_000).unref();
  setInterval(tick, everyMs).unref();
}
