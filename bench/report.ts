// The monthly SLA report (issue #17, target 6) over every bench SLO, computed live (no
// frozen snapshot), against the live budget computation of those SLOs for the month.
import { getPolicy } from '@/db/platform/settings';
import { computeMonthlyReport } from '@/db/reports/report';
import { listSloRows } from '@/db/slo/slos';
import { computeSloStatuses } from '@/db/slo/status';
import { monthKey } from '@/lib/reports/month';
import { ensureDataset } from './dataset';
import { BENCH_SLOS, heading, paired, QUICK, reportRatio } from './lib';

export async function benchReport() {
  heading(`Monthly SLA report over ${BENCH_SLOS} SLOs`);
  const handle = await ensureDataset();
  const { db } = handle;
  try {
    const now = new Date();
    const key = monthKey(now.getUTCFullYear(), now.getUTCMonth() + 1);
    const rows = await listSloRows(db);
    // The same SLOs with calendar-month windows: their budgets for this month, live.
    const monthly = rows.map((r) => ({
      ...r,
      windowType: 'calendar' as const,
      calendarUnit: 'month' as const,
    }));
    const policy = await getPolicy(db);
    const [budgets, report] = await paired(
      QUICK ? 4 : 8,
      () => computeSloStatuses(db, monthly, policy, now),
      () => computeMonthlyReport(db, key, now),
    );
    reportRatio(
      `report for ${key}, computed live (p50)`,
      report,
      { label: 'live budgets of those SLOs for the month', value: budgets },
      2,
    );
  } finally {
    await handle.close();
  }
}
