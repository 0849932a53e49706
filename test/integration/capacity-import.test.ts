// Capacity samples by CSV: every row in one transaction or nothing, every bad row named.
import { eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { capacityOverview, resourceForecast } from '@/db/capacity/forecasts';
import { importCapacityCsv, parseCapacityCsv } from '@/db/capacity/import';
import { createResource, updateResource } from '@/db/capacity/resources';
import { addScenario } from '@/db/capacity/scenarios';
import { auditLog, capacitySamples } from '@/db/schema';
import { ConflictError, ValidationError } from '@/lib/errors';
import { describeEachDriver } from '../helpers/db';
import { makeService, testActor } from '../helpers/fixtures';

const now = Date.parse('2026-11-30T12:00:00Z');

describeEachDriver('capacity CSV import', (ctx) => {
  let resourceId = '';
  const count = async () => {
    const [{ n }] = await ctx()
      .db.select({ n: sql<number>`count(*)::int` })
      .from(capacitySamples)
      .where(eq(capacitySamples.resourceId, resourceId));
    return n;
  };

  it('creates a resource with the defaults (70% target, N+1)', async () => {
    const { db } = ctx();
    const service = await makeService(db);
    const r = await createResource(db, testActor, {
      serviceId: service.id,
      slug: 'api-cpu',
      name: 'API CPU',
      unit: 'cores',
      capacityPerInstance: '16',
      instances: '10',
      leadTimeDays: '21',
    });
    expect(r).toMatchObject({ targetUtilisation: 0.7, redundancy: 1, leadTimeDays: 21, version: 1 });
    resourceId = r.id;
    const dup = await createResource(db, testActor, {
      serviceId: service.id,
      slug: 'api-cpu',
      name: 'Again',
      unit: 'cores',
      capacityPerInstance: '1',
      instances: '1',
    }).catch((e: unknown) => e);
    expect((dup as ValidationError).fieldErrors).toEqual({
      slug: ['"api-cpu" is already used by another resource'],
    });
    const bad = await createResource(db, testActor, {
      serviceId: service.id,
      slug: 'x-y',
      name: 'Bad',
      unit: 'cores',
      capacityPerInstance: '0',
      instances: '-1',
      targetPercent: '120',
    }).catch((e: unknown) => e);
    expect(Object.keys((bad as ValidationError).fieldErrors).sort()).toEqual([
      'capacityPerInstance',
      'instances',
      'targetPercent',
    ]);
  });

  it('writes nothing when any row is bad, naming each row and column', async () => {
    const csv = [
      'ts,value',
      '2026-11-01,120',
      '2026-02-30,130',
      '2026-11-03T00:00:00Z,-4',
      '2026-11-04,abc',
      '2026-11-05,',
      '2027-01-01,1',
    ].join('\n');
    const err = await importCapacityCsv(ctx().db, testActor, resourceId, csv, now).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).message).toBe('5 of 6 rows have errors; nothing was imported');
    expect((err as ValidationError).fieldErrors.csv).toEqual([
      'Row 3, ts: is not a real calendar date and time',
      'Row 4, value: "-4" must be a finite number ≥ 0',
      'Row 5, value: "abc" must be a finite number ≥ 0',
      'Row 6, value: must be a finite number ≥ 0',
      'Row 7, ts: is in the future',
    ]);
    expect(await count()).toBe(0);
  });

  it('refuses a file without the required columns', async () => {
    const err = await importCapacityCsv(
      ctx().db,
      testActor,
      resourceId,
      'when,peak\n2026-11-01,1',
      now,
    ).catch((e: unknown) => e);
    expect((err as ValidationError).fieldErrors.csv).toEqual([
      'Row 1, ts: Missing column "ts" (or "timestamp", "date").',
      'Row 1, value: Missing column "value".',
    ]);
    expect(await count()).toBe(0);
  });

  it('imports a good file in one go with one audit row, and re-importing replaces values', async () => {
    const rows = Array.from({ length: 60 }, (_, i) => {
      const day = new Date(Date.UTC(2026, 9, 1) + i * 86_400_000).toISOString().slice(0, 10);
      return `${day},${100 + 2 * i}`;
    });
    const { db } = ctx();
    expect(
      await importCapacityCsv(db, testActor, resourceId, ['Date,Value', ...rows].join('\r\n'), now),
    ).toEqual({
      accepted: 60,
    });
    expect(await count()).toBe(60);
    await importCapacityCsv(db, testActor, resourceId, 'timestamp,value\n2026-10-01T00:00:00Z,99', now);
    expect(await count()).toBe(60);
    const [first] = await db
      .select()
      .from(capacitySamples)
      .where(eq(capacitySamples.ts, new Date('2026-10-01T00:00:00Z')));
    expect(first.value).toBe(99);
    const audits = await db.select().from(auditLog).where(eq(auditLog.action, 'capacity.samples.write'));
    expect(audits).toHaveLength(2);
  });

  it('forecasts the imported history, scenarios included, and guards edits by version', async () => {
    const { db } = ctx();
    await addScenario(db, testActor, resourceId, { name: 'Launch', kind: 'multiplier', value: '10' });
    const dup = await addScenario(db, testActor, resourceId, {
      name: 'Launch',
      kind: 'growth',
      value: '5',
    }).catch((e: unknown) => e);
    expect((dup as ValidationError).fieldErrors.name).toBeDefined();
    const f = await resourceForecast(db, 'api-cpu', new Date(now));
    expect(f?.analysis.history).toHaveLength(60);
    expect(f?.chosen).not.toBeNull();
    expect(f?.chosen?.scenarios[0].instances[0].instances).toBeGreaterThan(
      f?.chosen?.required[0].instances ?? 0,
    );
    expect((await capacityOverview(db, new Date(now))).map((o) => o.resource.slug)).toEqual(['api-cpu']);
    const stale = await updateResource(db, testActor, resourceId, 99, {
      serviceId: f?.resource.serviceId,
      slug: 'api-cpu',
      name: 'API CPU',
      unit: 'cores',
      capacityPerInstance: '16',
      instances: '12',
    }).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(ConflictError);
  });

  it('reads times with an offset as the instant they name', () => {
    const { points, errors } = parseCapacityCsv('ts,value\n2026-11-01T10:00:00+01:00,5\n', now);
    expect(errors).toEqual([]);
    expect(points).toEqual([{ ts: Date.parse('2026-11-01T09:00:00Z'), value: 5 }]);
  });
});
