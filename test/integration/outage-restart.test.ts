// Outage behaviour (issue 9 item 14) below the HTTP layer: a throwaway PostgreSQL cluster
// (e2e/helpers/cluster.ts, needs root and the PostgreSQL binaries) is restarted under the
// pool and the background loop, which must both work again without a restart.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb, getDbHandle, renewDbHandle } from '@/db';
import { migrateDb } from '@/db/migrate';
import { createBackgroundLoop } from '@/db/platform/background';
import { canRunCluster, startCluster } from '../../e2e/helpers/cluster';

describe.skipIf(!canRunCluster)('outage behaviour: PostgreSQL restarted under the pool (item 14)', () => {
  it('the background loop and the pool work again after a restart that broke transactions', async () => {
    const cluster = await startCluster();
    process.env.DATABASE_URL = cluster.url();
    try {
      await migrateDb(await getDbHandle());
      const loop = createBackgroundLoop(getDbHandle);
      expect(await loop.tick()).toBe(true); // the leader, holding its lock
      const db = await getDb();
      // Transactions and plain queries in flight as the database goes down: postgres.js then
      // writes the rollback to a dead socket, which used to break that pool slot for good.
      const load = () => [
        ...Array.from({ length: 6 }, () =>
          db.transaction(async (tx) => {
            await tx.execute(sql`select pg_sleep(0.05)`);
            await tx.execute(sql`select 1`);
          }),
        ),
        ...Array.from({ length: 4 }, () => db.execute(sql`select pg_sleep(0.02)`)),
      ];
      await Promise.all(load());
      const inFlight = Promise.allSettled(load());
      cluster.stop();
      expect((await inFlight).some((r) => r.status === 'rejected')).toBe(true);
      expect((await Promise.allSettled(load())).every((r) => r.status === 'rejected')).toBe(true);
      // A round while the database is down fails fast (it used to hang for good on the lock's
      // reserved connection, stopping the loop until the process restarted).
      const started = Date.now();
      expect(await loop.tick()).toBe(false);
      expect(Date.now() - started).toBeLessThan(2_000);
      await expect(renewDbHandle()).rejects.toThrow();

      cluster.start();
      // The circuit's probe: passes on a fresh pool, which replaces the one that lived through it.
      await renewDbHandle();
      const fresh = await getDb();
      expect(fresh).not.toBe(db);
      for (let round = 0; round < 3; round++) {
        const t = Date.now();
        await Promise.all([
          ...Array.from({ length: 10 }, () => fresh.execute(sql`select pg_sleep(0.02)`)),
          fresh.transaction((tx) => tx.execute(sql`select 1`)),
        ]);
        expect(Date.now() - t, `round ${round}`).toBeLessThan(1_000);
      }
      expect(await loop.tick()).toBe(true); // the leader again, on the new pool
    } finally {
      await (await getDbHandle()).close();
      cluster.destroy();
    }
  });
});
