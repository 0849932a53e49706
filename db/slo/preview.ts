import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { getPolicy } from '@/db/platform/settings';
import { queryRows } from '@/db/platform/sql';
import { formatBudgetLeft } from '@/lib/format';
import { computeBudget } from '@/lib/slo/budget';
import { overlapMinutes } from '@/lib/slo/corrections';
import { statusFor } from '@/lib/slo/policy';
import type { SloInput } from '@/lib/validation/slo';
import { windowOf } from '@/lib/validation/slo';
import { listCorrections } from './corrections';
import { windowRange } from './status';

export interface BudgetPreview {
  minutesWithData: number;
  attainment: number | null;
  remaining: number | null;
  budgetLeft: string;
  status: string;
}

/**
 * The budget an SLO definition would have had over its last window, from the
 * samples already stored for `sloId` — computed from raw minutes because the
 * candidate's slice target may differ from the one the rollups were built with.
 */
export async function previewBudget(
  db: Executor,
  sloId: string,
  input: SloInput,
  now = new Date(),
): Promise<BudgetPreview> {
  const range = windowRange(windowOf(input), now);
  const corrections = (await listCorrections(db, sloId)).map((c) => ({ start: c.startsAt, end: c.endsAt }));
  const notCorrected = corrections.length
    ? sql.join(
        corrections.map(
          (c) =>
            sql`and not (minute >= ${c.start.toISOString()}::timestamptz and minute < ${c.end.toISOString()}::timestamptz)`,
        ),
        sql` `,
      )
    : sql``;
  const [a] = await queryRows<{ good: number; total: number; minutes: number; bad: number; ratio: number }>(
    db,
    sql`select coalesce(sum(least(good, 1e15)), 0)::float8 as good, coalesce(sum(least(total, 1e15)), 0)::float8 as total,
          count(*) filter (where total > 0)::int as minutes,
          count(*) filter (where total > 0 and good / total < ${input.timesliceTarget ?? 0}::float8)::int as bad,
          coalesce(sum(good / total) filter (where total > 0), 0)::float8 as ratio
        from sli_samples where slo_id = ${sloId} and minute >= ${range.start.toISOString()}::timestamptz and minute < ${range.end.toISOString()}::timestamptz ${notCorrected}`,
  );
  const agg = {
    good: Number(a.good),
    total: Number(a.total),
    minutesWithData: Number(a.minutes),
    badMinutes: Number(a.bad),
    ratioSum: Number(a.ratio),
  };
  const budget = computeBudget({
    method: input.budgetingMethod,
    target: input.target,
    agg,
    windowMinutes: range.fullLengthMinutes,
    correctedMinutes: overlapMinutes(corrections, range.start, range.periodEnd),
  });
  return {
    minutesWithData: agg.minutesWithData,
    attainment: budget.attainment,
    remaining: budget.remaining,
    budgetLeft: formatBudgetLeft(budget.budgetTotal, budget.budgetConsumed, budget.unit),
    status: statusFor(budget.remaining, await getPolicy(db)),
  };
}
