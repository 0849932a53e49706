// The /reports list: one red/amber/green strip per month, from the same SLA computation as the
// report itself (only the SLOs that measure an SLA are summed, without the daily burndown).

import type { Executor } from '@/db/client';
import { computePeriodBudgets } from '@/db/slo/period-budgets';
import { listSloRows } from '@/db/slo/slos';
import { creditFor } from '@/lib/reports/credits';
import { monthLabel, type ReportMonth } from '@/lib/reports/month';
import { overallRag, ragOf } from '@/lib/reports/summary';
import type { Rag } from '@/lib/reports/types';
import { monthRange } from '@/lib/slo/windows';
import { reportTimezone } from './report';
import { listSlas } from './slas';

export interface MonthStrip {
  month: string;
  label: string;
  closed: boolean;
  rag: Rag;
  slas: Array<{ name: string; serviceName: string; rag: Rag; creditPercent: number }>;
}

export async function monthStrips(
  db: Executor,
  months: ReportMonth[],
  now = new Date(),
): Promise<MonthStrip[]> {
  const [timezone, slas, sloRows] = await Promise.all([reportTimezone(db), listSlas(db), listSloRows(db)]);
  const measured = new Set(slas.flatMap((s) => s.sloIds));
  const periodSlos = sloRows
    .filter((s) => measured.has(s.id))
    .map((s) => ({ id: s.id, target: Number(s.target), budgetingMethod: s.budgetingMethod }));
  return Promise.all(
    months.map(async (month) => {
      const range = monthRange(month.key, timezone);
      const budgets = await computePeriodBudgets(db, periodSlos, range, now);
      const rows = slas.map((sla) => {
        const measuring = sla.sloIds.map((id) => budgets.get(id)).filter((b) => b !== undefined);
        const attainments = measuring.map((b) => b.budget.attainment).filter((a): a is number => a !== null);
        const attainment = attainments.length ? Math.min(...attainments) : null;
        const met = attainment === null ? null : attainment >= sla.target;
        return {
          name: sla.name,
          serviceName: sla.serviceName,
          rag: ragOf(
            met,
            measuring.map((b) => ({ budgetRemaining: b.budget.remaining })),
          ),
          creditPercent: creditFor(attainment, sla.creditTiers),
        };
      });
      return {
        month: month.key,
        label: monthLabel(month),
        closed: range.end.getTime() <= now.getTime(),
        rag: overallRag(rows),
        slas: rows,
      };
    }),
  );
}
