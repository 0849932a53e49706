import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { type DbHandle, openPostgres } from '@/db/client';
import { createBackgroundLoop } from '@/db/platform/background';
import { getPolicy, savePolicy } from '@/db/platform/settings';
import { queryRows } from '@/db/platform/sql';
import { alertHistoryBySlug } from '@/db/slo/alert-history';
import { askGate, sloStatusBySlug } from '@/db/slo/api';
import { ingestSamples } from '@/db/slo/samples';
import { getSloRow } from '@/db/slo/slos';
import { ValidationError } from '@/lib/errors';
import { describeEachDriver } from '../helpers/db';
import { makeSlo, testActor } from '../helpers/fixtures';

const MIN = 60_000;
const floorMin = (t: number) => Math.floor(t / MIN) * MIN;

/** Per-minute samples over [from, to): `bad` of every 1000 events fail. */
function minutes(from: number, to: number, bad: number) {
  const out = [];
  for (let m = floorMin(from); m < to; m += MIN) out.push({ minute: m, good: 1000 - bad, total: 1000 });
  return out;
}

async function secondHandle(handle: DbHandle): Promise<DbHandle | null> {
  if (handle.driver !== 'postgres') return null;
  const [{ db }] = await queryRows<{ db: string }>(handle.db, sql`select current_database() as db`);
  const url = new URL(process.env.TEST_DATABASE_URL as string);
  url.pathname = `/${db}`;
  return openPostgres(url.toString(), { max: 4 });
}

describeEachDriver('SLO alerts', (ctx, driver) => {
  it('records each transition exactly once when two background loops run', async () => {
    const { db } = ctx();
    const slo = await makeSlo(db, { target: 0.999 });
    const t0 = floorMin(Date.now()) - 3 * 3_600_000;
    // Two hours of 5 % errors (burn 50): every tier of a 30-day SLO fires.
    await db.transaction((tx) => ingestSamples(tx, slo.id, minutes(t0, t0 + 2 * 3_600_000, 50)));
    const other = await secondHandle(ctx());
    const loops = [createBackgroundLoop(async () => ctx()), createBackgroundLoop(async () => other ?? ctx())];
    try {
      const at1 = new Date(t0 + 2 * 3_600_000 - 1);
      const ran = await Promise.all(loops.map((l) => l.tick(at1)));
      if (driver === 'postgres') expect(ran.filter(Boolean)).toHaveLength(1); // one leader per deployment
      await Promise.all(loops.map((l) => l.tick(at1)));
      let history = await alertHistoryBySlug(db, slo.slug, null, null);
      expect(history.events.map((e) => [e.tier, e.state]).sort()).toEqual([
        [1, 'firing'],
        [2, 'firing'],
        [3, 'firing'],
        [4, 'firing'],
      ]);
      expect(history.events[0]).toMatchObject({ longWindow: expect.any(String), factor: expect.any(Number) });
      expect(history.events.find((e) => e.tier === 1)?.longBurn).toBeCloseTo(50, 6);

      // An hour of clean traffic: tiers 1–2 resolve (5m and 30m are clean); 3 and 4 (short 2h, 6h) keep firing.
      await db.transaction((tx) =>
        ingestSamples(tx, slo.id, minutes(t0 + 2 * 3_600_000, t0 + 3 * 3_600_000, 0)),
      );
      const at2 = new Date(t0 + 3 * 3_600_000 - 1);
      await Promise.all(loops.map((l) => l.tick(at2)));
      await Promise.all(loops.map((l) => l.tick(at2)));
      history = await alertHistoryBySlug(db, slo.slug, null, null);
      expect(
        history.events
          .filter((e) => e.state === 'resolved')
          .map((e) => e.tier)
          .sort(),
      ).toEqual([1, 2]);
      expect(history.events).toHaveLength(6);

      const windowed = await alertHistoryBySlug(
        db,
        slo.slug,
        new Date(at2.getTime() - MIN).toISOString(),
        null,
      );
      expect(windowed.events.map((e) => e.state)).toEqual(['resolved', 'resolved']);
      await expect(alertHistoryBySlug(db, slo.slug, 'yesterday', null)).rejects.toBeInstanceOf(
        ValidationError,
      );
    } finally {
      await other?.close();
    }
  });

  it('freezes features while a page fires, and says so', async () => {
    const { db } = ctx();
    const slo = await makeSlo(db, { target: 0.999 });
    const now = Date.now();
    // Clean for 29 days would be slow to write; an hour of 3 % errors after a clean day is enough:
    // budget left stays high (Healthy) while tier 1 pages at 30×.
    await db.transaction((tx) =>
      ingestSamples(tx, slo.id, minutes(now - 26 * 3_600_000, now - 3_600_000, 0)),
    );
    await db.transaction((tx) => ingestSamples(tx, slo.id, minutes(now - 3_600_000, now + MIN, 30)));
    const view = await sloStatusBySlug(db, slo.slug);
    expect(view.firing.some((a) => a.severity === 'page')).toBe(true);
    expect(view.pagingBurn).toBeCloseTo(30, 6);
    const verdict = await askGate(db, slo.slug, 'feature', 'ci');
    expect(verdict.allowed).toBe(false);
    expect(verdict.reason).toMatch(/^Fast burn: a page alert is firing \(tier \d, burning 30×\)/);
    expect((await askGate(db, slo.slug, 'emergency', 'ci')).allowed).toBe(true);

    await savePolicy(db, testActor, { ...(await getPolicy(db)), fastBurnFreeze: false });
    const off = await sloStatusBySlug(db, slo.slug);
    expect(off.gate.feature.reason).not.toMatch(/Fast burn/);
    await savePolicy(db, testActor, { ...(await getPolicy(db)), fastBurnFreeze: true });
  });

  it('stores the target as an exact decimal and refuses an unrepresentable one', async () => {
    const { db } = ctx();
    const slo = await makeSlo(db, { target: 0.999 });
    const row = await getSloRow(db, slo.slug);
    expect(row?.target).toBe(0.999);
    const [raw] = await queryRows<{ t: string }>(
      db,
      sql`select target::text as t from slos where id = ${slo.id}`,
    );
    expect(raw.t).toBe('0.999');
    const err = await makeSlo(db, { target: 0.9999999999999 }).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(Object.keys((err as ValidationError).fieldErrors ?? {})).toContain('target');
  });
});
