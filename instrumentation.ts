import type { Instrumentation } from 'next';

// Runs once when a server process starts: background jobs live here, never at import.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { getDbHandle, onDbHandle, renewDbHandle } = await import('./db');
  // The outage circuit's probe: closes the circuit as soon as the database answers again,
  // on a fresh connection pool.
  const { setDatabaseProbe } = await import('@/db/platform/circuit');
  setDatabaseProbe(renewDbHandle);
  // Another replica's write drops this process's shared copy of the SLO snapshots at its commit:
  // listen on every pool this process opens (a renewed one after an outage included).
  const { listenForSnapshotInvalidation } = await import('@/db/slo/snapshot-invalidation');
  onDbHandle((h) => listenForSnapshotInvalidation(h.pg));
  // Prometheus sync and SLO snapshots: every replica starts the loop, one (the advisory-lock holder) works.
  const { startBackgroundJobs } = await import('@/db/platform/background');
  startBackgroundJobs(getDbHandle);
  if (process.env.SRE_DEMO_TRAFFIC === '1') {
    // Demo mode keeps synthetic SLI traffic flowing so the dashboards are live (README "Demo").
    const { startDemoTraffic } = await import('./db/seed/live-runner');
    startDemoTraffic();
  }
}

/**
 * Every error a request ends with (page render, route handler, server action): one that
 * says the database is gone opens the outage circuit, whatever code path met it first, so
 * the next requests answer 503 at once (SPEC 7).
 */
export const onRequestError: Instrumentation.onRequestError = async (err) => {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { isConnectionError, isTimeoutError } = await import('@/lib/db-errors');
  if (!isConnectionError(err) && !isTimeoutError(err)) return;
  const { recordDatabaseFailure } = await import('@/db/platform/circuit');
  recordDatabaseFailure();
};
