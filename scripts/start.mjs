// npm start — production start. The embedded database is migrated first (it is
// private to this process); a PostgreSQL deployment runs `npm run db:migrate` as its own step.
import { hasBuild, mustRun, scriptCommand, startNext } from './proc.mjs';

if (!hasBuild()) {
  console.error('No build found: run `npm run build` first.');
  process.exit(1);
}
if (!process.env.DATABASE_URL) await mustRun(...scriptCommand('migrate'));
startNext(process.env.PORT ?? 3000);
