import { and, gt, inArray, lt } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { sloCorrections, slos } from '@/db/schema';
import { aggregateKey, aggregateRanges, type RangeRequest } from '@/db/slo/sli-sums';
import { windowRange } from '@/db/slo/status';
import { type BudgetConsumed, budgetConsumed } from '@/lib/incidents/budget-consumed';
import { EMPTY_AGGREGATE } from '@/lib/slo/budget';
import { overlapMinutes } from '@/lib/slo/corrections';
import type { BudgetingMethod } from '@/lib/slo/definition';
import { floorMinute } from '@/lib/slo/rollup-plan';
import type { TimeRange } from '@/lib/slo/windows';
import { windowOf } from '@/lib/validation/slo';

export interface SloBudgetConsumed extends BudgetConsumed {
  sloId: string;
  slug: string;
  name: string;
}

/**
 * The error budget each SLO spent during [start, end) (SPEC 1.3), from the stored SLI
 * data through the same aggregate query and formulas as the SLO pages; the budget it is
 * measured against is the SLO's window ending with the incident.
 */
export async function budgetConsumedByWindow(
  db: Executor,
  sloIds: string[],
  start: Date,
  end: Date,
): Promise<SloBudgetConsumed[]> {
  if (sloIds.length === 0) return [];
  const rows = await db.select().from(slos).where(inArray(slos.id, sloIds));
  const incStart = floorMinute(start);
  const incEnd = new Date(Math.max(floorMinute(end).getTime() + 60_000, incStart.getTime() + 60_000));
  const ranges = new Map(
    rows.map((r) => [r.id, windowRange(windowOf(r), new Date(incEnd.getTime() - 60_000))]),
  );
  const earliest = Math.min(incStart.getTime(), ...[...ranges.values()].map((r) => r.start.getTime()));
  const latest = Math.max(incEnd.getTime(), ...[...ranges.values()].map((r) => r.periodEnd.getTime()));
  const correctionRows = await db
    .select({ sloId: sloCorrections.sloId, start: sloCorrections.startsAt, end: sloCorrections.endsAt })
    .from(sloCorrections)
    .where(
      and(
        inArray(sloCorrections.sloId, sloIds),
        gt(sloCorrections.endsAt, new Date(earliest)),
        lt(sloCorrections.startsAt, new Date(latest)),
      ),
    );
  const corrections = new Map<string, TimeRange[]>();
  for (const c of correctionRows)
    corrections.set(c.sloId, [...(corrections.get(c.sloId) ?? []), { start: c.start, end: c.end }]);

  const requests: RangeRequest[] = [];
  for (const r of rows) {
    const range = ranges.get(r.id) as ReturnType<typeof windowRange>;
    const exclude = corrections.get(r.id) ?? [];
    requests.push({ sloId: r.id, key: 'incident', start: incStart, end: incEnd, exclude });
    requests.push({ sloId: r.id, key: 'window', start: range.start, end: range.end, exclude });
  }
  const sums = await aggregateRanges(db, requests);
  return rows
    .map((r) => {
      const range = ranges.get(r.id) as ReturnType<typeof windowRange>;
      const result = budgetConsumed({
        method: r.budgetingMethod as BudgetingMethod,
        target: r.target,
        window: windowOf(r),
        incident: sums.get(aggregateKey(r.id, 'incident')) ?? EMPTY_AGGREGATE,
        sloWindow: sums.get(aggregateKey(r.id, 'window')) ?? EMPTY_AGGREGATE,
        windowMinutes: range.fullLengthMinutes,
        correctedMinutes: overlapMinutes(corrections.get(r.id) ?? [], range.start, range.periodEnd),
      });
      return { sloId: r.id, slug: r.slug, name: r.name, ...result };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
