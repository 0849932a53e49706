// Runs once when a server process starts: background jobs live here, never at import.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { getDbHandle } = await import('./db');
  // The outage circuit's probe: closes the circuit as soon as the database answers again.
  const { setDatabaseProbe } = await import('@/db/platform/circuit');
  const { sql } = await import('drizzle-orm');
  setDatabaseProbe(async () => {
    await (await getDbHandle()).db.execute(sql`select 1`);
  });
  // Another replica's write drops this process's shared copy of the SLO snapshots at its commit.
  const { listenForSnapshotInvalidation } = await import('@/db/slo/snapshot-invalidation');
  const listen = () =>
    getDbHandle()
      .then((h) => listenForSnapshotInvalidation(h.pg))
      .catch(() => setTimeout(listen, 5_000).unref());
  void listen();
  // Prometheus sync and SLO snapshots: every replica starts the loop, one (the advisory-lock holder) works.
  const { startBackgroundJobs } = await import('@/db/platform/background');
  startBackgroundJobs(getDbHandle);
  if (process.env.SRE_DEMO_TRAFFIC === '1') {
    // Demo mode keeps synthetic SLI traffic flowing so the dashboards are live (README "Demo").
    const { startDemoTraffic } = await import('./db/seed/live-runner');
    startDemoTraffic();
  }
}
