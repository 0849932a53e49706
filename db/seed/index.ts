// npm run db:seed — loads the demo organisation into the configured database.
import { openDefaultDb } from '@/db';
import { DEMO_ACCOUNTS } from './catalog';
import { seedDemo } from './run';

async function main() {
  const handle = await openDefaultDb();
  try {
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
