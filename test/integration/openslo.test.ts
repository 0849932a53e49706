// OpenSLO import/export against a real database (PGlite and PostgreSQL): fixtures, dry runs,
// idempotent re-imports, all-or-nothing documents and the export → import round trip (SPEC 1.2).
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { count, eq } from 'drizzle-orm';
import { expect, it, vi } from 'vitest';
import { createService } from '@/db/catalog/services';
import type { DB } from '@/db/client';
import { exportAll, importOpenSlo } from '@/db/interop/openslo';
import { auditLog, services, slos } from '@/db/schema';
import { createSlo, getSloRow, listSloRows } from '@/db/slo/slos';
import type { Actor } from '@/lib/audit';
import { ValidationError } from '@/lib/errors';
import { draftFromRow } from '@/lib/openslo';
import { describeEachDriver, freshDatabase } from '../helpers/db';

// A create that fails for one slug, to prove a document whose write fails half-way leaves nothing.
vi.mock('@/db/slo/slos', async (original) => {
  const real = await original<typeof import('@/db/slo/slos')>();
  return {
    ...real,
    createSlo: async (...args: Parameters<typeof real.createSlo>) => {
      if ((args[2] as { slug?: string }).slug === 'doomed-sla')
        throw new ValidationError('Refused by the test', { slug: ['refused by the test'] });
      return real.createSlo(...args);
    },
  };
});

const actor: Actor = {
  type: 'user',
  id: '00000000-0000-0000-0000-0000000000aa',
  label: 'importer@example.com',
};
const FIXTURES = fileURLToPath(new URL('../../../shared/fixtures/openslo/', import.meta.url));
const fixture = (f: string) => fs.readFileSync(`${FIXTURES}${f}`, 'utf8');
const VALID = ['occurrences-slo.yaml', 'ratio-timeslices.yaml', 'low-traffic-timeslices-slo.yaml'];
const REFUSED = 'timeslices-slo.yaml';

async function counts(db: DB) {
  const [[s], [v], [a]] = await Promise.all([
    db.select({ n: count() }).from(slos),
    db.select({ n: count() }).from(services),
    db.select({ n: count() }).from(auditLog),
  ]);
  return { slos: s.n, services: v.n, audit: a.n };
}

describeEachDriver('OpenSLO import, file by file', (ctx) => {
  it('imports each valid fixture with the expected fields', async () => {
    const { db } = ctx();
    for (const file of VALID) {
      const result = await importOpenSlo(db, actor, fixture(file));
      expect(result, file).toMatchObject({ created: 1, errors: 0, documents: [{ status: 'created' }] });
    }
    expect(await getSloRow(db, 'search-slo')).toMatchObject({
      serviceSlug: 'web-shop',
      serviceName: 'web-shop',
      sliKind: 'latency',
      latencyThresholdMs: 500,
      target: 0.99,
      windowType: 'rolling',
      windowDays: 14,
      budgetingMethod: 'occurrences',
      sourceType: 'push',
    });
    expect(await getSloRow(db, 'main-page')).toMatchObject({
      budgetingMethod: 'ratio-timeslices',
      windowDays: 14,
    });
    expect(await getSloRow(db, 'service-availability')).toMatchObject({
      serviceSlug: 'web-availability',
      windowType: 'calendar',
      calendarUnit: 'week',
      timezone: 'America/New_York',
      budgetingMethod: 'timeslices',
      timesliceTarget: 0.95,
      target: 0.9995,
    });
    const audit = await db.select().from(auditLog).where(eq(auditLog.actorLabel, actor.label));
    expect(audit.map((a) => a.action).sort()).toEqual([
      'service.create',
      'service.create',
      'slo.create',
      'slo.create',
      'slo.create',
    ]);
  });

  it('refuses the one-minute calendar window and writes nothing', async () => {
    const { db } = ctx();
    const before = await counts(db);
    const result = await importOpenSlo(db, actor, fixture(REFUSED));
    expect(result).toMatchObject({ created: 0, updated: 0, errors: 1 });
    expect(result.documents[0]).toMatchObject({
      status: 'error',
      errors: [{ field: 'spec.timeWindow[0].duration', message: expect.stringContaining('1 minute') }],
    });
    expect(await counts(db)).toEqual(before);
  });
});

describeEachDriver('OpenSLO import, as one stream', (ctx) => {
  const stream = [...VALID.slice(0, 2), REFUSED, VALID[2]].map(fixture).join('\n---\n');

  it('previews without writing anything', async () => {
    const { db } = ctx();
    const result = await importOpenSlo(db, actor, stream, { dryRun: true });
    expect(result).toMatchObject({ dryRun: true, created: 3, updated: 0, errors: 1 });
    expect(result.documents.map((d) => d.status)).toEqual([
      'would-create',
      'would-create',
      'error',
      'would-create',
    ]);
    expect(result.documents[0].warnings).toContain(
      'Service web-shop does not exist: the import will create it with "web-shop" as its name',
    );
    expect(result.documents[1].warnings?.join()).not.toContain('Service web-shop');
    expect(await counts(db)).toEqual({ slos: 0, services: 0, audit: 0 });
  });

  it('imports the valid documents, refuses the other, and re-imports as unchanged', async () => {
    const { db } = ctx();
    const first = await importOpenSlo(db, actor, stream);
    expect(first.documents.map((d) => [d.name, d.status])).toEqual([
      ['search-slo', 'created'],
      ['main-page', 'created'],
      ['service-availability', 'error'],
      ['service-availability', 'created'],
    ]);
    expect(await counts(db)).toEqual({ slos: 3, services: 2, audit: 5 });
    const again = await importOpenSlo(db, actor, stream);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3, errors: 1 });
    expect(await counts(db)).toEqual({ slos: 3, services: 2, audit: 5 });
  });

  it('updates a changed SLO and a described service, keeping what OpenSLO does not describe', async () => {
    const { db } = ctx();
    const service = `apiVersion: openslo/v1\nkind: Service\nmetadata:\n  name: web-shop\n  displayName: Web shop\nspec:\n  description: Sells things\n`;
    const changed = `${service}---\n${stream.replace('target: 0.99\n', 'target: 0.995\n')}`;
    expect(
      (await importOpenSlo(db, actor, changed, { dryRun: true })).documents.map((d) => d.status),
    ).toEqual(['would-update', 'would-update', 'unchanged', 'error', 'unchanged']);
    const result = await importOpenSlo(db, actor, changed);
    expect(result).toMatchObject({ created: 0, updated: 2, unchanged: 2, errors: 1 });
    expect(await getSloRow(db, 'search-slo')).toMatchObject({
      target: 0.995,
      version: 2,
      serviceName: 'Web shop',
    });
    expect(await counts(db)).toEqual({ slos: 3, services: 2, audit: 7 });
  });

  it('writes nothing of a document whose second SLO fails, not even its new service', async () => {
    const { db } = ctx();
    const before = await counts(db);
    const doomed = fixture('timeslices-slo.yaml')
      .replace('duration: 1m', 'duration: 1M')
      .replace('name: service-availability', 'name: doomed')
      .replace('service: web-availability', 'service: doomed-service');
    const result = await importOpenSlo(db, actor, doomed);
    expect(result.documents[0]).toMatchObject({
      status: 'error',
      errors: [{ field: 'metadata.name', message: 'refused by the test' }],
    });
    expect(await counts(db)).toEqual(before);
    expect(await getSloRow(db, 'doomed-internal-objective')).toBeNull();
  });
});

describeEachDriver('OpenSLO export', (ctx, driver) => {
  it('round-trips every kind of SLO to equal rows in another database', async () => {
    const { db } = ctx();
    const svc = await createService(db, actor, {
      slug: 'checkout',
      name: 'Checkout API',
      tier: '0',
      ownerTeamId: '',
    });
    const common = { serviceId: svc.id, target: 0.999, windowType: 'rolling', windowDays: 28 };
    const kinds: Record<string, unknown>[] = [
      { slug: 'ratio-push', sliKind: 'ratio', budgetingMethod: 'occurrences', alertMinEvents: 50 },
      {
        slug: 'latency-push',
        sliKind: 'latency',
        latencyThresholdMs: 250,
        budgetingMethod: 'timeslices',
        timesliceTarget: 0.9,
      },
      {
        slug: 'calendar-ratio-ts',
        sliKind: 'ratio',
        budgetingMethod: 'ratio-timeslices',
        windowType: 'calendar',
        calendarUnit: 'quarter',
        timezone: 'Asia/Tokyo',
      },
      {
        slug: 'latency-prometheus',
        sliKind: 'latency',
        latencyThresholdMs: 300,
        budgetingMethod: 'occurrences',
        sourceType: 'prometheus',
        goodQuery: 'http_request_duration_seconds_bucket{job="checkout",le="0.3"}',
        totalQuery: 'http_request_duration_seconds_count{job="checkout"}',
        runbookUrl: 'https://wiki.example.com/checkout',
      },
    ];
    for (const k of kinds)
      await createSlo(db, actor, { ...common, name: `SLO ${k.slug}`, description: 'Why it matters', ...k });
    const yaml = await exportAll(db);
    expect((await importOpenSlo(db, actor, yaml)).unchanged).toBe(5);

    const other = await freshDatabase(driver);
    try {
      const result = await importOpenSlo(other.db, actor, yaml);
      expect(result).toMatchObject({ created: 5, errors: 0 });
      const definitions = async (d: DB) => (await listSloRows(d)).map(draftFromRow);
      expect(await definitions(other.db)).toEqual(await definitions(db));
      expect((await listSloRows(other.db))[0]).toMatchObject({ serviceName: 'Checkout API', serviceTier: 0 });
    } finally {
      await other.drop();
    }
  });
});
