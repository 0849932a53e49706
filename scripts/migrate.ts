// npm run db:migrate — applies migrations to the configured database, then makes sure an admin
// exists (first start: prints a generated password once, or uses ADMIN_PASSWORD).
import { openDefaultDb } from '@/db';
import { bootstrapDatabase } from '@/db/bootstrap';

async function main() {
  const handle = await openDefaultDb();
  try {
    await bootstrapDatabase(handle);
  } finally {
    await handle.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
