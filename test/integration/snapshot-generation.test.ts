import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { POLICY_KEY, putSetting } from '@/db/platform/settings';
import { queryRows } from '@/db/platform/sql';
import { ingestSamples } from '@/db/slo/samples';
import { getSloRow } from '@/db/slo/slos';
import { invalidateSnapshots } from '@/db/slo/snapshot-invalidation';
import { readApiSnapshotBySlug, refreshSnapshots } from '@/db/slo/snapshots';
import { DEFAULT_POLICY } from '@/lib/slo/policy';
import { describeEachDriver } from '../helpers/db';
import { makeSlo, testActor } from '../helpers/fixtures';

const minute = () => Math.floor(Date.now() / 60_000) * 60_000 - 120_000;

describeEachDriver('snapshots are never older than the last write', (ctx, driver) => {
  it('a write leaves a tombstone, and the next read recomputes', async () => {
    const { db } = ctx();
    const slo = await makeSlo(db, { target: 0.99 });
    await db.transaction((tx) => ingestSamples(tx, slo.id, [{ minute: minute(), good: 100, total: 100 }]));
    expect((await readApiSnapshotBySlug(db, slo.slug)).status).toBe('healthy');
    await db.transaction((tx) =>
      ingestSamples(tx, slo.id, [{ minute: minute() - 60_000, good: 0, total: 1000 }]),
    );
    const [stone] = await queryRows<{ api: unknown; generation: number | string }>(
      db,
      sql`select api, generation from slo_snapshots where slo_id = ${slo.id}`,
    );
    expect(stone.api).toBeNull();
    expect(Number(stone.generation)).toBeGreaterThan(0);
    expect((await readApiSnapshotBySlug(db, slo.slug)).status).toBe('depleted');
  });

  if (driver === 'pglite') return; // one connection: a reader cannot overlap a writer there

  it('a reader that computed before a write commits does not store its numbers', async () => {
    const { db } = ctx();
    const slo = await makeSlo(db, { target: 0.99 });
    await db.transaction((tx) => ingestSamples(tx, slo.id, [{ minute: minute(), good: 100, total: 100 }]));
    const row = await getSloRow(db, slo.slug);
    if (!row) throw new Error('no row');
    let refresh: Promise<unknown> = Promise.resolve();
    await db.transaction(async (tx) => {
      // The write: the samples that deplete the budget and its tombstone, not yet committed.
      await ingestSamples(tx, slo.id, [{ minute: minute() - 60_000, good: 0, total: 1000 }]);
      // A reader on another connection sees the data before the write: healthy. Its store
      // must wait for the tombstone's row and then give up (another generation).
      refresh = refreshSnapshots(db, [row.id]);
      await new Promise((r) => setTimeout(r, 300));
    });
    const [computed] = (await refresh) as { api: { status: string } }[];
    expect(computed.api.status).toBe('healthy');
    const [stored] = await queryRows<{ api: unknown }>(
      db,
      sql`select api from slo_snapshots where slo_id = ${slo.id}`,
    );
    expect(stored.api).toBeNull();
    expect((await readApiSnapshotBySlug(db, slo.slug)).status).toBe('depleted');
  });

  it('a reader that read the policy before a policy change commits does not store its numbers', async () => {
    const { db } = ctx();
    const slo = await makeSlo(db, { target: 0.99 });
    // 40 % of the budget spent: healthy under the default thresholds, warning at 0.7.
    await db.transaction((tx) =>
      ingestSamples(tx, slo.id, [
        { minute: minute(), good: 9920, total: 10_000 },
        { minute: minute() - 60_000, good: 10_000, total: 10_000 },
      ]),
    );
    expect((await readApiSnapshotBySlug(db, slo.slug)).status).toBe('healthy');
    let refresh: Promise<unknown> = Promise.resolve();
    await db.transaction(async (tx) => {
      await putSetting(tx, testActor, POLICY_KEY, {
        ...DEFAULT_POLICY,
        thresholds: { ...DEFAULT_POLICY.thresholds, warning: 0.7 },
      });
      refresh = refreshSnapshots(db, [slo.id]);
      await new Promise((r) => setTimeout(r, 300));
    });
    const [computed] = (await refresh) as { api: { status: string } }[];
    expect(computed.api.status).toBe('healthy');
    expect((await readApiSnapshotBySlug(db, slo.slug)).status).toBe('warning');
    await putSetting(db, testActor, POLICY_KEY, DEFAULT_POLICY);
  });

  it('invalidating every SLO bumps every snapshot, stored or not', async () => {
    const { db } = ctx();
    const a = await makeSlo(db);
    const b = await makeSlo(db);
    const rowA = await getSloRow(db, a.slug);
    if (!rowA) throw new Error('no row');
    await refreshSnapshots(db, [rowA.id]);
    await db.transaction((tx) => invalidateSnapshots(tx, 'all'));
    const rows = await queryRows<{ slo_id: string; api: unknown }>(
      db,
      sql`select slo_id::text, api from slo_snapshots where slo_id = any(${`{${a.id},${b.id}}`}::uuid[])`,
    );
    expect(rows.map((r) => r.api)).toEqual([null, null]);
  });
});
