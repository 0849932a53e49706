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
    // Last month: a whole month of data (the bench dataset holds the last 30 days).
    const now = new Date();
    const monthStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
    const last = new Date(monthStart - 1);
    const key = monthKey(last.getUTCFullYear(), last.getUTCMonth() + 1);
    const endOfLastMonth = new Date(monthStart - 60_000);
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
      () => computeSloStatuses(db, monthly, policy, endOfLastMonth),
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
