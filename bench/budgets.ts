// Live budgets (issue #17, target 1): the status of every SLO computed without
// snapshots — window, every lookback and alert window, corrections applied — against
// PostgreSQL summing the same SLOs' daily rollups over 30 days, in the same run.
import { sql } from 'drizzle-orm';
import { getPolicy } from '@/db/platform/settings';
import { queryRows } from '@/db/platform/sql';
import { sloStatusBySlug } from '@/db/slo/api';
import { listSloRows } from '@/db/slo/slos';
import { computeSloStatuses } from '@/db/slo/status';
import { ensureDataset } from './dataset';
import { BENCH_SLOS, heading, paired, QUICK, reportRatio } from './lib';

export async function benchBudgets() {
  heading(`Live budgets (${BENCH_SLOS} SLOs × 30 days of minute samples, no snapshots)`);
  const handle = await ensureDataset();
  const { db } = handle;
  try {
    const rows = (await listSloRows(db)).filter((r) => r.slug.startsWith('bench-slo-'));
    const ids = `{${rows.map((r) => r.id).join(',')}}`;
    const policy = await getPolicy(db);
    const now = new Date();
    const dayStart = new Date(Math.floor(now.getTime() / 86_400_000) * 86_400_000 - 30 * 86_400_000);
    // A correction on a tenth of the SLOs, so the live path subtracts some.
    await db.execute(sql`delete from slo_corrections where reason = 'bench'`);
    await db.execute(sql`
      insert into slo_corrections (slo_id, starts_at, ends_at, reason, created_by_label)
      select id, now() - interval '3 days', now() - interval '3 days' + interval '40 minutes', 'bench', 'bench'
      from slos where id = any(${ids}::uuid[]) and right(slug, 1) = '7'`);

    const reference = () =>
      queryRows(
        db,
        sql`select slo_id, sum(good) as good, sum(total) as total, sum(minutes) as minutes, sum(bad_minutes) as bad,
              sum(ratio_sum) as ratio
            from sli_daily where slo_id = any(${ids}::uuid[]) and day >= ${dayStart.toISOString()}::timestamptz
            group by slo_id`,
      );
    const live = () => computeSloStatuses(db, rows, policy);
    const n = QUICK ? 15 : 25;
    const [ref, all] = await paired(n, reference, live);
    reportRatio(
      `status of all ${rows.length} SLOs, live (p50)`,
      all,
      { label: 'PostgreSQL sums their daily rollups over 30 days', value: ref },
      5,
    );

    // One SLO: the portal's whole path (row, policy, instants, corrections, sums) against a
    // primary-key lookup of the row plus its hourly sums over the window.
    const one = rows[16];
    const refOne = async () => {
      await queryRows(db, sql`select * from slos where id = ${one.id}`);
      await queryRows(
        db,
        sql`select sum(good), sum(total), sum(minutes), sum(bad_minutes), sum(ratio_sum) from sli_hourly
            where slo_id = ${one.id} and hour >= now() - interval '30 days'`,
      );
    };
    const [refOneMs, oneMs] = await paired(n * 4, refOne, () => sloStatusBySlug(db, one.slug));
    reportRatio(
      'status of one SLO, live (p50)',
      oneMs,
      { label: 'PK lookup + its hourly sums', value: refOneMs },
      2,
    );

    // 90-day windows over the same SLOs (the dataset holds 30 days of samples).
    const rows90 = rows.map((r) => ({ ...r, windowDays: 90 }));
    const [ms30, ms90] = await paired(
      n,
      () => computeSloStatuses(db, rows, policy),
      () => computeSloStatuses(db, rows90, policy),
    );
    reportRatio(
      'the same SLOs with 90-day windows, live (p50)',
      ms90,
      { label: '30-day windows', value: ms30 },
      1.5,
    );
    const sample = (await live())
      .slice(0, 3)
      .map((v) => `${v.slo.slug} ${((v.budget.remaining ?? 0) * 100).toFixed(1)} %`);
    console.log(`  budget remaining, sanity check: ${sample.join(', ')}`);
  } finally {
    await db.execute(sql`delete from slo_corrections where reason = 'bench'`);
    await handle.close();
  }
}
