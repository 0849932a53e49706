// The server behind the end-to-end tests: a fresh embedded database (or E2E_DATABASE_URL),
// migrated and seeded with the demo organisation, then the production build on E2E_PORT.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hasBuild, mustRun, scriptCommand, startNext } from './proc.mjs';

if (!hasBuild()) {
  console.error('e2e: no build found, run `npm run build` first');
  process.exit(1);
}
const port = process.env.E2E_PORT ?? 3100;
const env = {
  ADMIN_EMAIL: 'admin@demo.sre',
  ADMIN_PASSWORD: 'demo-admin',
  AUTH_SECRET: 'e2e-secret-e2e-secret-e2e-secret-e2e-secret',
  // The sign-in limiter would lock the suite out after its deliberate failures.
  LOGIN_MAX_FAILURES: '50',
};
if (process.env.E2E_DATABASE_URL) {
  env.DATABASE_URL = process.env.E2E_DATABASE_URL;
} else {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sre-e2e-'));
  env.PGLITE_DATA_DIR = path.join(dir, 'pglite');
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
}
await mustRun(...scriptCommand('setup-demo'), env);
startNext(port, env);
