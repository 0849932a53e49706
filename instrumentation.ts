// Runs once when a server process starts: background jobs live here, never at import.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { getDbHandle } = await import('./db');
  // Prometheus sync and SLO snapshots: every replica starts the loop, one (the advisory-lock holder) works.
  const { startBackgroundJobs } = await import('@/db/platform/background');
  startBackgroundJobs(getDbHandle);
  if (process.env.SRE_DEMO_TRAFFIC === '1') {
    // Demo mode keeps synthetic SLI traffic flowing so the dashboards are live (README "Demo").
    const { startDemoTraffic } = await import('./db/seed/live-runner');
    startDemoTraffic();
  }
}
