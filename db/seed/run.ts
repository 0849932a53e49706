import { recordAudit } from '@/db/platform/audit';
import type { DB } from '../client';
import { seedCatalog } from './catalog';
import { seedReports } from './reports';
import { seedSlos } from './slos';
import { seedToil } from './toil';

/**
 * The demo organisation (SPEC 5). Each module adds its own seeder to this list;
 * every seeder is idempotent so re-running never duplicates data.
 */
const SEEDERS: { name: string; run: (db: DB) => Promise<void> }[] = [
  { name: 'catalog', run: seedCatalog },
  { name: 'SLOs with 90 days of minute samples', run: seedSlos },
  { name: '8 weeks of toil', run: seedToil },
  { name: '3 SLAs', run: seedReports },
];

export async function seedDemo(db: DB, log: (msg: string) => void = () => {}): Promise<void> {
  for (const seeder of SEEDERS) {
    const t0 = Date.now();
    await seeder.run(db);
    log(`  seeded ${seeder.name} in ${Date.now() - t0} ms`);
  }
  await recordAudit(
    db,
    { type: 'system', label: 'seed' },
    {
      action: 'seed.demo',
      entityType: 'system',
      entityId: 'demo',
      after: { seeders: SEEDERS.map((s) => s.name) },
    },
  );
}
