// Closed months are frozen (SPEC 1.7): the first report generated after a month ends is kept;
// when a later recomputation differs (a correction added, late samples), the new numbers are
// shown with a dated "restated" note listing what changed — history never changes silently.

import { eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { mutate } from '@/db/platform/mutation';
import { reportSnapshots } from '@/db/schema';
import type { MonthlyReport } from '@/lib/reports/types';
import { formatPercent } from '@/lib/slo/format';
import { computeMonthlyReport } from './report';

const SYSTEM = { type: 'system', label: 'reports' } as const;

/** The figures whose change is a restatement, each as a human sentence part. */
function keyFigures(r: MonthlyReport): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of r.slas) {
    out.set(`SLA ${s.name} attainment`, formatPercent(s.attainment, 3));
    out.set(`SLA ${s.name} credit`, `${s.creditPercent} %`);
  }
  for (const s of r.slos) out.set(`SLO ${s.name} attainment`, formatPercent(s.attainment, 3));
  if (r.incidents.available) out.set('Incidents', String(r.incidents.total));
  return out;
}

export function differences(before: MonthlyReport, after: MonthlyReport): string[] {
  const a = keyFigures(before);
  const b = keyFigures(after);
  const changes: string[] = [];
  for (const [k, v] of b) {
    const old = a.get(k);
    if (old === undefined) changes.push(`${k} added: ${v}`);
    else if (old !== v) changes.push(`${k}: ${old} → ${v}`);
  }
  for (const k of a.keys()) if (!b.has(k)) changes.push(`${k} removed`);
  return changes;
}

/** The report for a month: live while it runs, the frozen snapshot (with restatements) once closed. */
export async function getMonthlyReport(db: Executor, key: string, now = new Date()): Promise<MonthlyReport> {
  const fresh = await computeMonthlyReport(db, key, now);
  if (!fresh.closed) return fresh;
  return mutate(db, SYSTEM, async ({ tx }) => {
    const [stored] = await tx
      .select()
      .from(reportSnapshots)
      .where(eq(reportSnapshots.month, fresh.month))
      .for('update');
    if (!stored) {
      const inserted = await tx
        .insert(reportSnapshots)
        .values({ month: fresh.month, report: fresh, generatedAt: now })
        .onConflictDoNothing()
        .returning();
      if (inserted.length === 0) return { result: fresh, change: null }; // another reader froze it first
      const change = { action: 'report.freeze', entityType: 'report', entityId: fresh.month };
      return { result: fresh, change };
    }
    const changes = differences(stored.report, fresh);
    if (changes.length === 0)
      return { result: { ...stored.report, restatements: stored.restatements }, change: null };
    const restatements = [...stored.restatements, { at: now.toISOString(), changes }];
    await tx
      .update(reportSnapshots)
      .set({ report: fresh, restatements, updatedAt: now })
      .where(eq(reportSnapshots.month, fresh.month));
    const change = {
      action: 'report.restate',
      entityType: 'report',
      entityId: fresh.month,
      before: { changes },
    };
    return { result: { ...fresh, restatements }, change };
  });
}
