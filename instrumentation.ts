// Runs once when the server starts. In demo mode it keeps synthetic SLI traffic
// flowing so the dashboards show a live organisation (README "Demo").
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.SRE_DEMO_TRAFFIC !== '1') return;
  const { startDemoTraffic } = await import('./db/seed/live-runner');
  startDemoTraffic();
}
