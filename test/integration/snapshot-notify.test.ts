import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { ingestSamples } from '@/db/slo/samples';
import {
  invalidateSnapshots,
  listenForSnapshotInvalidation,
  snapshotMemo,
} from '@/db/slo/snapshot-invalidation';
import { describeEachDriver } from '../helpers/db';
import { makeSlo } from '../helpers/fixtures';

describeEachDriver('snapshot invalidation across replicas', (ctx, driver) => {
  if (driver === 'pglite') {
    // The embedded database is one process: the writer drops its copy itself, nothing listens.
    it('a write drops the process’s shared copy at once, and there is no channel to listen on', async () => {
      const { db, pg } = ctx();
      const slo = await makeSlo(db);
      await expect(listenForSnapshotInvalidation(pg)).resolves.toBeUndefined();
      snapshotMemo.current = { at: Date.now(), rows: Promise.resolve([]) };
      await db.transaction((tx) => invalidateSnapshots(tx, [slo.id]));
      expect(snapshotMemo.current).toBeNull();
    });
    return;
  }
  it('a write on one replica drops every replica’s shared copy when it commits, not before', async () => {
    const { db, pg } = ctx();
    const slo = await makeSlo(db);
    // This process plays the other replica: it listens on its own connection.
    await listenForSnapshotInvalidation(pg);
    const waitForForget = async (ms: number) => {
      const until = Date.now() + ms;
      while (Date.now() < until && snapshotMemo.current) await new Promise((r) => setTimeout(r, 10));
      return snapshotMemo.current === null;
    };
    await db.transaction(async (tx) => {
      await invalidateSnapshots(tx, [slo.id]);
      // The writer forgets its own copy at once; the other replica's copy (set here) stays until commit.
      snapshotMemo.current = { at: Date.now(), rows: Promise.resolve([]) };
      expect(await waitForForget(300)).toBe(false);
    });
    expect(await waitForForget(3_000)).toBe(true);
    // A rolled-back write notifies nobody.
    snapshotMemo.current = { at: Date.now(), rows: Promise.resolve([]) };
    await db
      .transaction(async (tx) => {
        await invalidateSnapshots(tx, [slo.id]);
        snapshotMemo.current = { at: Date.now(), rows: Promise.resolve([]) };
        await tx.execute(sql`select 1/0`);
      })
      .catch(() => {});
    expect(await waitForForget(500)).toBe(false);
    // An ingest folds its tombstone and notification into its rollup statement: same effect.
    await db.transaction(async (tx) => {
      await ingestSamples(tx, slo.id, [
        { minute: Math.floor(Date.now() / 60_000) * 60_000 - 60_000, good: 1, total: 1 },
      ]);
      snapshotMemo.current = { at: Date.now(), rows: Promise.resolve([]) };
    });
    expect(await waitForForget(3_000)).toBe(true);
    snapshotMemo.current = null;
  });
});
