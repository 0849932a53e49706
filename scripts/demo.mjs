// npm run demo — build (first time), migrate, seed the demo organisation, start on :3000.
import { bin, hasBuild, mustRun, scriptCommand, startNext } from './proc.mjs';

const port = process.env.PORT ?? 3000;
// The bootstrap admin of the demo gets a documented password (README "Signing in").
const demoEnv = {
  ADMIN_EMAIL: process.env.ADMIN_EMAIL ?? 'admin@demo.sre',
  ADMIN_PASSWORD: process.env.ADMIN_PASSWORD ?? 'demo-admin',
};

if (!hasBuild() || process.env.REBUILD) {
  console.log('Building the portal (first run only)…');
  await mustRun(bin('next'), ['build']);
  await mustRun(process.execPath, ['scripts/build-scripts.mjs']);
}
const t0 = Date.now();
await mustRun(...scriptCommand('setup-demo'), demoEnv);
console.log(`Database ready in ${((Date.now() - t0) / 1000).toFixed(1)} s.`);
console.log(
  `\nSRE Portal: http://localhost:${port}   (admin: ${demoEnv.ADMIN_EMAIL} / ${demoEnv.ADMIN_PASSWORD})\n`,
);
// The server keeps synthetic traffic flowing so the dashboards are live (db/seed/live.ts).
startNext(port, { SRE_DEMO_TRAFFIC: process.env.SRE_DEMO_TRAFFIC ?? '1' });
