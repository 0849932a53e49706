// Migrate and seed the demo in one process (one open of the embedded database): used by
// `npm run demo` and the end-to-end server.
import { openDefaultDb } from '@/db';
import { bootstrapDatabase } from '@/db/bootstrap';
import { DEMO_ACCOUNTS } from '@/db/seed/catalog';
import { seedDemo } from '@/db/seed/run';

async function main() {
  const handle = await openDefaultDb();
  try {
    await bootstrapDatabase(handle);
    console.log('Seeding demo data…');
    await seedDemo(handle.db, console.log);
    console.log('Demo accounts:');
    for (const a of DEMO_ACCOUNTS) console.log(`  ${a.role.padEnd(9)} ${a.email} / ${a.password}`);
  } finally {
    await handle.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
