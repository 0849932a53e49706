import { ensureAdmin } from '@/db/identity/users';
import { ensureToilCategories } from '@/db/toil/categories';
import { env, isEmbedded, pgliteDir } from '@/lib/env';
import type { DbHandle } from './client';
import { migrateDb } from './migrate';

/**
 * Applies the migrations and seeds what every install starts with: the first admin (a generated
 * password, printed once) and the default toil categories. Requests never seed.
 */
export async function bootstrapDatabase(
  handle: DbHandle,
  log: (line: string) => void = console.log,
): Promise<void> {
  const started = Date.now();
  await migrateDb(handle);
  const admin = await ensureAdmin(handle.db, env().ADMIN_EMAIL, env().ADMIN_PASSWORD);
  await ensureToilCategories(handle.db);
  const where = isEmbedded() ? `embedded database at ${pgliteDir()}` : 'PostgreSQL';
  log(`Migrations applied to the ${where} in ${Date.now() - started} ms.`);
  if (admin.created && admin.password) {
    log('\n  ┌──────────────────────────────────────────────────────────────');
    log(`  │ Admin account created: ${env().ADMIN_EMAIL}`);
    log(`  │ Password (shown once): ${admin.password}`);
    log('  └──────────────────────────────────────────────────────────────\n');
  } else if (admin.created) {
    log(`Admin account created: ${env().ADMIN_EMAIL} (password from ADMIN_PASSWORD).`);
  }
}
