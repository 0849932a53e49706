import { expect, it } from 'vitest';
import { getPolicy } from '@/db/platform/settings';
import { overviewRows } from '@/db/slo/overview';
import { ingestSamples } from '@/db/slo/samples';
import { getSloRow } from '@/db/slo/slos';
import { computeSloStatuses } from '@/db/slo/status';
import { trendPoints } from '@/lib/slo/trend';
import { describeEachDriver } from '../helpers/db';
import { makeSlo } from '../helpers/fixtures';

const DAY = 86_400_000;

describeEachDriver('overview trend', (ctx) => {
  it('is one value per UTC day over the last 30, oldest first, with gaps as null', async () => {
    const { db } = ctx();
    const slo = await makeSlo(db);
    const today = Math.floor(Date.now() / DAY) * DAY;
    // Two days with data: 3 days ago at 99 % and today at 99.95 %; nothing in between.
    await db.transaction((tx) =>
      ingestSamples(tx, slo.id, [
        { minute: today - 3 * DAY + 600_000, good: 99, total: 100 },
        { minute: today + 60_000 > Date.now() ? today : today + 60_000, good: 1999, total: 2000 },
      ]),
    );
    const row = await getSloRow(db, slo.slug);
    if (!row) throw new Error('no row');
    const [overview] = await overviewRows(db, await computeSloStatuses(db, [row], await getPolicy(db)));
    expect(overview.trend).toHaveLength(30);
    expect(overview.trendFrom).toBe(today - 29 * DAY);
    expect(overview.trend[26]).toBe(0.99);
    expect(overview.trend[29]).toBe(0.9995);
    expect(overview.trend.filter((v) => v !== null)).toHaveLength(2);
    const points = trendPoints(overview);
    expect(points[26]).toEqual({ t: today - 3 * DAY, v: 0.99 });
    expect(points[29].t).toBe(today);
    // Compact on the wire: a row stays well under a kilobyte with a full month.
    expect(JSON.stringify(overview.trend).length).toBeLessThan(30 * 10);
  });
});
