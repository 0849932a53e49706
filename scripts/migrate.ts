// Applies migrations to the configured database, then makes sure an admin exists
// (first start: prints a generated password once, or uses ADMIN_PASSWORD).
import { openDefaultDb } from '@/db';
import { migrateDb } from '@/db/migrate';
import { ensureAdmin } from '@/db/services/users';
import { env, isEmbedded, pgliteDir } from '@/lib/env';

async function main() {
  const started = Date.now();
  const handle = await openDefaultDb();
  try {
    await migrateDb(handle);
    const admin = await ensureAdmin(handle.db, env().ADMIN_EMAIL, env().ADMIN_PASSWORD);
    const where = isEmbedded() ? `embedded database at ${pgliteDir()}` : 'PostgreSQL';
    console.log(`Migrations applied to the ${where} in ${Date.now() - started} ms.`);
    if (admin.created && admin.password) {
      console.log('\n  ┌──────────────────────────────────────────────────────────────');
      console.log(`  │ Admin account created: ${env().ADMIN_EMAIL}`);
      console.log(`  │ Password (shown once): ${admin.password}`);
      console.log('  └──────────────────────────────────────────────────────────────\n');
    } else if (admin.created) {
      console.log(`Admin account created: ${env().ADMIN_EMAIL} (password from ADMIN_PASSWORD).`);
    }
  } finally {
    await handle.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
