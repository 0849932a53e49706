import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import type { DB } from '@/db/client';
import { getPolicy } from '@/db/platform/settings';
import { computeMonthlyReport } from '@/db/reports/report';
import { createSla, updateSla } from '@/db/reports/slas';
import { getMonthlyReport } from '@/db/reports/snapshots';
import { auditLog, reportSnapshots } from '@/db/schema';
import { addCorrection } from '@/db/slo/corrections';
import { ingestSamples } from '@/db/slo/samples';
import { listSloRows } from '@/db/slo/slos';
import { computeSloStatuses } from '@/db/slo/status';
import { ValidationError } from '@/lib/errors';
import type { SampleInput } from '@/lib/slo/samples';
import { describeEachDriver } from '../helpers/db';
import { makeService, makeSlo, rng, testActor } from '../helpers/fixtures';

const MIN = 60_000;
const NOV = Date.UTC(2026, 10, 1);
const DEC = Date.UTC(2026, 11, 1);

function samples(rand: () => number, from: number, to: number, errorRate: number): SampleInput[] {
  const out: SampleInput[] = [];
  for (let m = from; m < to; m += MIN) {
    if (rand() > 0.85) continue;
    const total = Math.floor(rand() * 200);
    const bad = rand() < errorRate ? Math.floor(rand() * total) : 0;
    out.push({ minute: m, good: total - bad, total });
  }
  return out;
}

async function ingest(db: DB, sloId: string, rows: SampleInput[]) {
  await db.transaction((tx) => ingestSamples(tx, sloId, rows));
}

describeEachDriver('monthly SLA report', (h) => {
  it('equals the SLO API for the same calendar month, for every budgeting method (random data)', async () => {
    const db = h().db;
    const rand = rng(42);
    const methods = [
      { budgetingMethod: 'occurrences' },
      { budgetingMethod: 'timeslices', timesliceTarget: 0.95 },
      { budgetingMethod: 'ratio-timeslices' },
    ];
    const created: Array<{ id: string }> = [];
    for (const [i, m] of methods.entries()) {
      const slo = await makeSlo(db, { windowType: 'calendar', calendarUnit: 'month', target: 0.99, ...m });
      // Two weeks of November with a random error rate per SLO, plus a correction.
      await ingest(db, slo.id, samples(rand, NOV, NOV + 14 * 1440 * MIN, 0.02 + i * 0.05));
      const start = new Date(NOV + (2 + i) * 86_400_000);
      await addCorrection(db, testActor, slo.id, {
        startsAt: start,
        endsAt: new Date(start.getTime() + 90 * MIN),
        reason: 'planned maintenance',
      });
      created.push(slo);
    }
    const now = new Date(NOV + 14 * 1440 * MIN + 17 * MIN);
    const report = await computeMonthlyReport(db, '2026-11', now);
    const rows = (await listSloRows(db)).filter((r) => created.some((c) => c.id === r.id));
    const live = await computeSloStatuses(db, rows, await getPolicy(db), now);
    for (const view of live) {
      const row = report.slos.find((s) => s.sloId === view.slo.id);
      expect(row, view.slo.slug).toBeDefined();
      expect(row?.attainment).toBeCloseTo(view.budget.attainment as number, 9);
      expect(row?.budgetRemaining).toBeCloseTo(view.budget.remaining as number, 9);
      expect(row?.budgetTotal).toBeCloseTo(view.budget.budgetTotal, 6);
      expect(row?.correctedMinutes).toBe(view.correctedMinutes);
      expect(row?.status).toBe(view.status);
      // The burndown ends where the budget is today.
      expect(row?.burndown.at(-1)).toBeCloseTo(view.budget.remaining as number, 9);
    }
    expect(report.closed).toBe(false);
    expect(report.corrections.filter((c) => c.reason === 'planned maintenance')).toHaveLength(3);
  });

  it('computes SLA attainment, met/breached and the credit from its SLOs', async () => {
    const db = h().db;
    const service = await makeService(db);
    const slo = await makeSlo(db, { serviceId: service.id, target: 0.999 });
    // 1.5 % errors over November: attainment 98.5 % → below 99 % → 25 % credit.
    const rows: SampleInput[] = [];
    for (let m = NOV; m < NOV + 3 * 1440 * MIN; m += 10 * MIN)
      rows.push({ minute: m, good: 985, total: 1000 });
    await ingest(db, slo.id, rows);
    const sla = await createSla(db, testActor, {
      serviceId: service.id,
      name: 'Premium availability',
      target: 0.995,
      sloIds: [slo.id],
      creditTiers: [
        { below: 0.995, creditPercent: 10 },
        { below: 0.99, creditPercent: 25 },
        { below: 0.95, creditPercent: 100 },
      ],
    });
    const report = await computeMonthlyReport(db, '2026-11', new Date(DEC + 3600_000));
    const row = report.slas.find((s) => s.slaId === sla.id);
    expect(row?.attainment).toBeCloseTo(0.985, 9);
    expect(row?.met).toBe(false);
    expect(row?.creditPercent).toBe(25);
    expect(row?.rag).toBe('red');
    expect(report.rag).toBe('red');
    expect(report.summary).toContain('Premium availability (25 %)');
    expect(report.closed).toBe(true);
  });

  it('refuses SLAs that are invalid, naming the field, and SLOs of another service', async () => {
    const db = h().db;
    const service = await makeService(db);
    const other = await makeSlo(db);
    const bad = async (raw: Record<string, unknown>) => {
      try {
        await createSla(db, testActor, raw);
        return null;
      } catch (err) {
        expect(err).toBeInstanceOf(ValidationError);
        return (err as ValidationError).fieldErrors;
      }
    };
    const base = { serviceId: service.id, name: 'x', target: 0.99, sloIds: [other.id] };
    expect(await bad(base)).toHaveProperty('sloIds');
    expect(await bad({ ...base, target: 99.9 })).toHaveProperty('target');
    expect(await bad({ ...base, name: 'a\u0000b' })).toHaveProperty('name');
    expect(await bad({ ...base, creditTiers: [{ below: 0.999, creditPercent: 10 }] })).toHaveProperty([
      'creditTiers.0.below',
    ]);
  });

  it('freezes a closed month and shows later corrections as a dated restatement', async () => {
    const db = h().db;
    const service = await makeService(db);
    const slo = await makeSlo(db, { serviceId: service.id, target: 0.99, name: 'Freeze check' });
    const rows: SampleInput[] = [];
    for (let m = Date.UTC(2026, 9, 1); m < Date.UTC(2026, 9, 2); m += MIN)
      rows.push({ minute: m, good: m < Date.UTC(2026, 9, 1, 2) ? 0 : 100, total: 100 });
    await ingest(db, slo.id, rows);
    const sla = await createSla(db, testActor, {
      serviceId: service.id,
      name: 'Freeze SLA',
      target: 0.95,
      sloIds: [slo.id],
    });
    const first = await getMonthlyReport(db, '2026-10', new Date(Date.UTC(2026, 10, 2)));
    const before = first.slas.find((s) => s.slaId === sla.id)?.attainment as number;
    expect(before).toBeCloseTo(22 / 24, 9);
    expect(first.restatements).toEqual([]);
    const [snap] = await db.select().from(reportSnapshots).where(eq(reportSnapshots.month, '2026-10'));
    expect(snap.generatedAt.toISOString()).toBe('2026-11-02T00:00:00.000Z');

    // Same data: the stored report comes back unchanged.
    const again = await getMonthlyReport(db, '2026-10', new Date(Date.UTC(2026, 10, 3)));
    expect(again.generatedAt).toBe(first.generatedAt);

    // The outage was planned: a correction restates October.
    await addCorrection(db, testActor, slo.id, {
      startsAt: new Date(Date.UTC(2026, 9, 1)),
      endsAt: new Date(Date.UTC(2026, 9, 1, 2)),
      reason: 'planned failover test',
    });
    const restated = await getMonthlyReport(db, '2026-10', new Date(Date.UTC(2026, 10, 5)));
    expect(restated.slas.find((s) => s.slaId === sla.id)?.attainment).toBe(1);
    expect(restated.restatements).toHaveLength(1);
    expect(restated.restatements[0].at).toBe('2026-11-05T00:00:00.000Z');
    expect(restated.restatements[0].changes).toContain('SLA Freeze SLA attainment: 91.667% → 100.000%');
    const audits = await db.select().from(auditLog).where(eq(auditLog.entityId, '2026-10'));
    expect(audits.map((a) => a.action).sort()).toEqual(['report.freeze', 'report.restate']);

    // An SLA edit is version-checked.
    await expect(
      updateSla(db, testActor, sla.id, 99, {
        serviceId: service.id,
        name: 'Freeze SLA',
        target: 0.95,
        sloIds: [slo.id],
      }),
    ).rejects.toThrow(/Someone else changed/);
  });

  it('refuses months that are malformed or have not started', async () => {
    const db = h().db;
    await expect(computeMonthlyReport(db, '2026-13', new Date(DEC))).rejects.toBeInstanceOf(ValidationError);
    await expect(computeMonthlyReport(db, '2027-01', new Date(DEC))).rejects.toThrow(/not started/);
  });
});
