import { mutate } from '@/db/platform/mutation';
import type { DB } from '../client';
import { seedAlerts } from './alerts';
import { seedCapacity } from './capacity';
import { seedCatalog } from './catalog';
import { seedIncidents } from './incidents';
import { seedReports } from './reports';
import { seedRunbooks } from './runbooks';
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
  { name: 'current SLO alert states', run: seedAlerts },
  { name: 'incidents, postmortems and action items', run: seedIncidents },
  { name: '15 runbooks', run: seedRunbooks },
  { name: 'capacity resources with 180 days of peaks', run: seedCapacity },
];

export async function seedDemo(db: DB, log: (msg: string) => void = () => {}): Promise<void> {
  for (const seeder of SEEDERS) {
    const t0 = Date.now();
    await seeder.run(db);
    log(`  seeded ${seeder.name} in ${Date.now() - t0} ms`);
  }
  await mutate(db, { type: 'system', label: 'seed' }, async () => ({
    result: undefined,
    change: {
      action: 'seed.demo',
      entityType: 'system',
      entityId: 'demo',
      after: { seeders: SEEDERS.map((s) => s.name) },
    },
  }));
}
