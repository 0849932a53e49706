import { eq, inArray, sql } from 'drizzle-orm';
import { queryRows } from '@/db/platform/sql';
import { insertDailyRollups, rebuildRollups, writeSamples } from '@/db/slo/samples';
import { type DB, pgliteConnection, pgliteInFolder } from '../client';
import { services, sloCorrections, slos } from '../schema';
import { demoMinutes, encodeSamples, HOURLY_COPY_COLUMNS, SAMPLE_COPY_COLUMNS } from './slo-bulk';
import { D, DEMO_SLOS, type DemoSlo, type Outage } from './slo-catalog';

/** The primary key of sli_samples as the migrations name it (db/migrations/0000_init.sql). */
const SAMPLES_KEY = 'sli_samples_slo_id_minute_pk';

export { DEMO_SLOS, type DemoSlo, type Outage } from './slo-catalog';

const isCalendar = (w: DemoSlo['window']): w is 'week' | 'month' | 'quarter' => typeof w === 'string';

/** ~30 SLOs of every kind with 90 days of minute samples (SPEC 5); see the loads below. Idempotent. */
export async function seedSlos(db: DB, now = new Date(), days = 90): Promise<void> {
  const end = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  const start = new Date(end.getTime() - days * D * 60_000);
  const svc = await db
    .select({ id: services.id, slug: services.slug })
    .from(services)
    .where(inArray(services.slug, [...new Set(DEMO_SLOS.map((s) => s.service))]));
  const serviceId = new Map(svc.map((s) => [s.slug, s.id]));

  const createdIds: string[] = [];
  const inFolder = pgliteInFolder(db);
  await db.transaction(async (tx) => {
    // Bulk load: skip the per-row foreign-key triggers where allowed (the SLO rows were
    // just created in this transaction); a 3× speed-up on the 3.9 M demo samples.
    const [su] = await queryRows<{ super: boolean }>(
      tx,
      sql`select rolsuper as super from pg_roles where rolname = current_user`,
    );
    if (su?.super) await tx.execute(sql`set local session_replication_role = replica`);
    // The embedded database in a folder loads binary COPY computed in JS (db/seed/slo-bulk.ts):
    // generating the minutes in SQL is slow in single-threaded WebAssembly. PostgreSQL, and
    // PGlite in memory (where a large COPY is slower still), generate them in SQL.
    const copy = inFolder ? pgliteConnection(tx) : undefined;
    let rebuildKey = false;
    if (copy) {
      // Into an empty table, the primary key is built once after the load (a sort) instead of
      // growing by 3.9 M inserts; same transaction, so nobody ever sees the table without it.
      const [empty] = await queryRows<{ empty: boolean }>(
        tx,
        sql`select not exists (select 1 from sli_samples) as empty`,
      );
      if (empty?.empty) {
        await tx.execute(sql.raw(`alter table sli_samples drop constraint ${SAMPLES_KEY}`));
        rebuildKey = true;
      }
    } else {
      // The daily/weekly traffic shape is computed once per minute, not once per SLO-minute.
      await tx.execute(
        sql.raw(`create temporary table demo_shape on commit drop as ${shapeSql(start, end)}`),
      );
    }
    for (const d of DEMO_SLOS) {
      const sid = serviceId.get(d.service);
      if (!sid) continue;
      const [created] = await tx
        .insert(slos)
        .values(sloValues(d, sid))
        .onConflictDoNothing({ target: slos.slug })
        .returning({ id: slos.id, sliceTarget: slos.timesliceTarget });
      if (!created) continue;
      if (copy) {
        const data = encodeSamples(created.id, demoMinutes(d, start, end), created.sliceTarget);
        await copy.query(
          `copy sli_samples (${SAMPLE_COPY_COLUMNS}) from '/dev/blob' with (format binary)`,
          [],
          {
            blob: new Blob([data.samples]),
          },
        );
        await copy.query(
          `copy sli_hourly (${HOURLY_COPY_COLUMNS}) from '/dev/blob' with (format binary)`,
          [],
          {
            blob: new Blob([data.hourly]),
          },
        );
      } else {
        await writeSamples(tx, sampleSql(created.id, d, end, 'demo_shape'), { fresh: true });
      }
      createdIds.push(created.id);
    }
    if (rebuildKey) {
      await tx.execute(sql`set local maintenance_work_mem = '256MB'`);
      await tx.execute(
        sql.raw(`alter table sli_samples add constraint ${SAMPLES_KEY} primary key (slo_id, minute)`),
      );
    }
    if (createdIds.length === 0) return;
    if (copy) await insertDailyRollups(tx, createdIds);
    else await rebuildRollups(tx, createdIds, { cumulative: false });
  });

  // A planned maintenance on the gateway that overlapped its outage: excluded from every number.
  const [gw] = await db.select({ id: slos.id }).from(slos).where(eq(slos.slug, 'gateway-availability'));
  const existing = gw
    ? await db.select({ id: sloCorrections.id }).from(sloCorrections).where(eq(sloCorrections.sloId, gw.id))
    : [1];
  if (gw && existing.length === 0) {
    const outageStart = end.getTime() - 12 * D * 60_000;
    await db.insert(sloCorrections).values({
      sloId: gw.id,
      startsAt: new Date(outageStart - 15 * 60_000),
      endsAt: new Date(outageStart + 45 * 60_000),
      reason: 'Planned load-balancer migration (CHG-2291), announced to customers',
      createdByLabel: 'seed',
    });
  }
}

function sloValues(d: DemoSlo, serviceId: string): typeof slos.$inferInsert {
  const method = d.method ?? 'occurrences';
  const kind = d.kind ?? 'ratio';
  return {
    serviceId,
    slug: d.slug,
    name: d.name,
    description: `${d.name} for ${d.service}.`,
    sliKind: kind,
    latencyThresholdMs: kind === 'latency' ? (d.latencyMs ?? 500) : null,
    target: d.target,
    windowType: isCalendar(d.window) ? 'calendar' : 'rolling',
    windowDays: isCalendar(d.window) ? null : d.window,
    calendarUnit: isCalendar(d.window) ? d.window : null,
    timezone: 'UTC',
    budgetingMethod: method,
    timesliceTarget: method === 'timeslices' ? (d.sliceTarget ?? 0.95) : null,
    alertMinEvents: d.minEvents ?? null,
  };
}

/** Minutes of [from, to) with the daily/weekly traffic factor f: peaks mid-afternoon UTC, quieter weekends. */
export function shapeSql(from: Date, to: Date): string {
  return `select m, (1 + 0.5 * sin(2 * pi() * (extract(hour from m at time zone 'UTC') + extract(minute from m) / 60.0 - 9) / 24))
      * (case when extract(isodow from m at time zone 'UTC') in (6, 7) then 0.7 else 1 end) as f
    from generate_series('${from.toISOString()}'::timestamptz, '${to.toISOString()}'::timestamptz - interval '1 minute', interval '1 minute') m`;
}

/**
 * Synthetic samples for one demo SLO over the minutes of `shape`: a base burn with
 * jitter, plus outages placed relative to `end`. Bad events are rounded without
 * bias (floor(x + random())) so low-traffic SLOs keep their small error rates.
 * Yields (slo_id, minute, good, total) for writeSamples.
 */
export function sampleSql(
  sloId: string,
  d: DemoSlo,
  end: Date,
  shape: string,
  outages: Outage[] = d.outages ?? [],
) {
  const budget = 1 - d.target;
  const outageCases = outages
    .map(([ago, dur, mult]) => {
      const a = new Date(end.getTime() - ago * 60_000).toISOString();
      const b = new Date(end.getTime() - (ago - dur) * 60_000).toISOString();
      return `when m >= '${a}'::timestamptz and m < '${b}'::timestamptz then ${mult}`;
    })
    .join(' ');
  const burn = outageCases
    ? `case ${outageCases} else ${d.base} * random() * 2 end`
    : `${d.base} * random() * 2`;
  const from = shape === 'demo_shape' ? 'demo_shape' : `(${shape}) shape`;
  return sql.raw(`
    select '${sloId}'::uuid, m, t - least(t, floor(t * least(1, ${budget} * (${burn})) + random())), t
    from (select m, round(${d.rpm ?? 500} * f * (0.9 + random() * 0.2)) as t from ${from}) x`);
}
