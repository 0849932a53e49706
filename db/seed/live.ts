import { eq, sql } from 'drizzle-orm';
import { queryRows } from '@/db/platform/sql';
import { lockSloSamples, recomputeRollupsBetween, writeSamples } from '@/db/slo/samples';
import { invalidateSnapshots } from '@/db/slo/snapshot-invalidation';
import type { DB } from '../client';
import { slos } from '../schema';
import { DEMO_SLOS, type Outage, sampleSql, shapeSql } from './slos';

const MIN = 60_000;
/** The demo's ongoing incident: checkout burns at 30× its budget, enough to page (tier 1 and 2). */
export const LIVE_INCIDENT = { slug: 'checkout-availability', burn: 30 };

/**
 * Keeps the demo alive: appends synthetic minutes for every demo SLO from its
 * last sample up to now, so dashboards move and windows stay full. While
 * `incident` is on, checkout-availability burns in the appended minutes.
 */
export async function fillDemoTraffic(db: DB, now = new Date(), incident = false): Promise<number> {
  const end = new Date(Math.floor(now.getTime() / MIN) * MIN);
  let appended = 0;
  for (const d of DEMO_SLOS) {
    const [slo] = await db
      .select({ id: slos.id, sourceType: slos.sourceType })
      .from(slos)
      .where(eq(slos.slug, d.slug));
    if (slo?.sourceType !== 'push') continue;
    const [last] = await queryRows<{ m: string | Date | null }>(
      db,
      sql`select max(minute) as m from sli_samples where slo_id = ${slo.id}`,
    );
    if (!last?.m) continue;
    const from = new Date(Math.max(new Date(last.m).getTime() + MIN, end.getTime() - 90 * 1440 * MIN));
    if (from >= end) continue;
    const minutes = (end.getTime() - from.getTime()) / MIN;
    // After a long pause only the last hour burns: an idle day is not one long incident.
    const burning = Math.min(minutes, 60);
    const outages: Outage[] =
      incident && d.slug === LIVE_INCIDENT.slug ? [[burning, burning, LIVE_INCIDENT.burn]] : [];
    await db.transaction(async (tx) => {
      await tx.execute(sql`select ${lockSloSamples(sql`${slo.id}`)}`);
      await writeSamples(tx, sampleSql(slo.id, d, end, shapeSql(from, end), outages), { keepExisting: true });
      await recomputeRollupsBetween(tx, slo.id, from, end);
      await invalidateSnapshots(tx, [slo.id]);
    });
    appended += minutes;
  }
  return appended;
}
