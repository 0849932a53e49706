import { eq, inArray, sql } from 'drizzle-orm';
import type { DB } from '../client';
import { services, sloCorrections, slos } from '../schema';
import { rebuildRollups } from '../services/samples';
import { queryRows } from '../sql';

export type Outage = [agoMinutes: number, durationMinutes: number, burnMultiple: number];
export interface DemoSlo {
  service: string;
  slug: string;
  name: string;
  kind?: 'ratio' | 'latency';
  latencyMs?: number;
  target: number;
  window: 7 | 28 | 30 | 90 | 'week' | 'month' | 'quarter';
  method?: 'occurrences' | 'timeslices' | 'ratio-timeslices';
  sliceTarget?: number;
  /** Average burn outside outages, as a multiple of the budget (0.3 spends 30% of it over the window). */
  base: number;
  outages?: Outage[];
  /** Requests per minute at the daily average. */
  rpm?: number;
  minEvents?: number;
}

const D = 1440;
// Outage burn multiples are × the error budget fraction B: 50 means an error ratio of 50 × (1 − target).
export const DEMO_SLOS: DemoSlo[] = [
  {
    service: 'api-gateway',
    slug: 'gateway-availability',
    name: 'Gateway availability',
    target: 0.9995,
    window: 30,
    base: 0.25,
    outages: [[12 * D, 35, 40]],
    rpm: 4000,
  },
  {
    service: 'api-gateway',
    slug: 'gateway-latency-p99',
    name: 'Gateway latency under 300 ms',
    kind: 'latency',
    latencyMs: 300,
    target: 0.99,
    window: 28,
    base: 0.3,
    outages: [[3 * D, 90, 8]],
    rpm: 4000,
  },
  {
    service: 'auth-service',
    slug: 'auth-login-success',
    name: 'Login success',
    target: 0.999,
    window: 30,
    base: 0.3,
    outages: [
      [6 * D, 60, 50],
      [21 * D, 45, 40],
    ],
    rpm: 900,
  },
  {
    service: 'auth-service',
    slug: 'auth-token-latency',
    name: 'Token issuance under 100 ms',
    kind: 'latency',
    latencyMs: 100,
    target: 0.995,
    window: 7,
    base: 0.2,
    rpm: 1200,
  },
  // Critical: two large incidents this month.
  {
    service: 'auth-service',
    slug: 'auth-session-availability',
    name: 'Session API availability',
    target: 0.999,
    window: 'month',
    base: 0.25,
    outages: [
      [4 * D, 150, 100],
      [9 * D, 90, 90],
    ],
    rpm: 800,
  },
  {
    service: 'k8s-platform',
    slug: 'k8s-api-availability',
    name: 'Kubernetes API availability',
    target: 0.999,
    window: 30,
    method: 'timeslices',
    sliceTarget: 0.95,
    base: 0.1,
    outages: [[8 * D, 15, 300]],
    rpm: 300,
  },
  {
    service: 'k8s-platform',
    slug: 'k8s-scheduling-latency',
    name: 'Pod scheduling under 5 s',
    kind: 'latency',
    latencyMs: 5000,
    target: 0.99,
    window: 'week',
    base: 0.2,
    rpm: 120,
  },
  // Firing now: a page-level burn in the last 50 minutes.
  {
    service: 'checkout-api',
    slug: 'checkout-availability',
    name: 'Checkout availability',
    target: 0.999,
    window: 30,
    base: 0.2,
    outages: [
      [50, 50, 30],
      [15 * D, 40, 30],
    ],
    rpm: 600,
    minEvents: 100,
  },
  {
    service: 'checkout-api',
    slug: 'checkout-latency',
    name: 'Checkout under 800 ms',
    kind: 'latency',
    latencyMs: 800,
    target: 0.99,
    window: 30,
    base: 0.35,
    outages: [[2 * D, 120, 6]],
    rpm: 600,
  },
  // Depleted: a bad week for the processor.
  {
    service: 'payments-processor',
    slug: 'payments-authorisation',
    name: 'Card authorisation success',
    target: 0.9995,
    window: 28,
    base: 0.4,
    outages: [
      [5 * D, 240, 60],
      [11 * D, 240, 60],
    ],
    rpm: 350,
  },
  {
    service: 'payments-processor',
    slug: 'payments-capture-latency',
    name: 'Capture under 2 s',
    kind: 'latency',
    latencyMs: 2000,
    target: 0.99,
    window: 30,
    method: 'ratio-timeslices',
    base: 0.3,
    rpm: 200,
  },
  {
    service: 'payments-processor',
    slug: 'payments-quarterly',
    name: 'Payments availability (quarter)',
    target: 0.999,
    window: 'quarter',
    base: 0.3,
    outages: [[40 * D, 200, 20]],
    rpm: 350,
  },
  {
    service: 'billing-worker',
    slug: 'billing-job-success',
    name: 'Billing jobs succeed',
    target: 0.99,
    window: 30,
    base: 0.25,
    rpm: 20,
    minEvents: 50,
  },
  {
    service: 'billing-worker',
    slug: 'billing-freshness',
    name: 'Invoices generated on time',
    target: 0.995,
    window: 'month',
    method: 'timeslices',
    sliceTarget: 0.9,
    base: 0.1,
    outages: [[7 * D, 60, 100]],
    rpm: 10,
  },
  {
    service: 'web-frontend',
    slug: 'web-availability',
    name: 'Web availability',
    target: 0.999,
    window: 30,
    base: 0.3,
    outages: [[9 * D, 30, 30]],
    rpm: 5000,
  },
  // Warning: one long degradation.
  {
    service: 'web-frontend',
    slug: 'web-lcp',
    name: 'Largest contentful paint under 2.5 s',
    kind: 'latency',
    latencyMs: 2500,
    target: 0.95,
    window: 28,
    base: 0.4,
    outages: [[10 * D, 1200, 5]],
    rpm: 3000,
  },
  {
    service: 'web-frontend',
    slug: 'web-errors-7d',
    name: 'Web error rate (7 days)',
    target: 0.995,
    window: 7,
    base: 0.3,
    rpm: 5000,
  },
  {
    service: 'search-api',
    slug: 'search-availability',
    name: 'Search availability',
    target: 0.999,
    window: 30,
    base: 0.2,
    outages: [[18 * D, 25, 60]],
    rpm: 1500,
  },
  {
    service: 'search-api',
    slug: 'search-latency',
    name: 'Search under 200 ms',
    kind: 'latency',
    latencyMs: 200,
    target: 0.99,
    window: 30,
    method: 'ratio-timeslices',
    base: 0.45,
    outages: [[1 * D, 240, 4]],
    rpm: 1500,
  },
  {
    service: 'search-api',
    slug: 'search-suggest-90d',
    name: 'Suggestions availability (90 days)',
    target: 0.999,
    window: 90,
    base: 0.3,
    outages: [
      [60 * D, 120, 30],
      [30 * D, 60, 20],
    ],
    rpm: 800,
  },
  {
    service: 'catalog-api',
    slug: 'catalog-availability',
    name: 'Catalog availability',
    target: 0.995,
    window: 30,
    base: 0.2,
    rpm: 700,
  },
  {
    service: 'catalog-api',
    slug: 'catalog-read-latency',
    name: 'Catalog reads under 150 ms',
    kind: 'latency',
    latencyMs: 150,
    target: 0.99,
    window: 'week',
    method: 'timeslices',
    sliceTarget: 0.98,
    base: 0.1,
    outages: [[2 * D, 20, 200]],
    rpm: 700,
  },
  {
    service: 'events-pipeline',
    slug: 'events-ingest-success',
    name: 'Events ingested',
    target: 0.9999,
    window: 30,
    base: 0.3,
    outages: [[13 * D, 20, 40]],
    rpm: 20000,
  },
  {
    service: 'events-pipeline',
    slug: 'events-lag',
    name: 'Consumer lag under 60 s',
    kind: 'latency',
    latencyMs: 60000,
    target: 0.99,
    window: 30,
    method: 'timeslices',
    sliceTarget: 0.9,
    base: 0.1,
    outages: [
      [4 * D, 45, 100],
      [20 * D, 30, 100],
    ],
    rpm: 60,
  },
  {
    service: 'warehouse-etl',
    slug: 'etl-load-success',
    name: 'Nightly loads succeed',
    target: 0.98,
    window: 30,
    base: 0.3,
    rpm: 5,
    minEvents: 20,
  },
  {
    service: 'warehouse-etl',
    slug: 'etl-freshness',
    name: 'Warehouse fresh within 2 h',
    target: 0.95,
    window: 'month',
    method: 'ratio-timeslices',
    base: 0.35,
    rpm: 5,
  },
  {
    service: 'notifications',
    slug: 'notify-delivery',
    name: 'Notifications delivered',
    target: 0.995,
    window: 30,
    base: 0.3,
    outages: [[16 * D, 120, 10]],
    rpm: 1000,
  },
  {
    service: 'notifications',
    slug: 'notify-latency',
    name: 'Push sent within 5 s',
    kind: 'latency',
    latencyMs: 5000,
    target: 0.99,
    window: 7,
    base: 0.25,
    rpm: 400,
  },
  {
    service: 'notifications',
    slug: 'notify-sms-quarter',
    name: 'SMS provider success (quarter)',
    target: 0.99,
    window: 'quarter',
    base: 0.3,
    rpm: 100,
  },
  {
    service: 'auth-service',
    slug: 'auth-mfa-success',
    name: 'MFA challenge success',
    target: 0.999,
    window: 30,
    base: 0.3,
    rpm: 200,
  },
];

const isCalendar = (w: DemoSlo['window']): w is 'week' | 'month' | 'quarter' => typeof w === 'string';

/** ~30 SLOs of every kind with 90 days of minute samples, generated in SQL (SPEC 5). Idempotent. */
export async function seedSlos(db: DB, now = new Date()): Promise<void> {
  const end = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  const start = new Date(end.getTime() - 90 * D * 60_000);
  const svc = await db
    .select({ id: services.id, slug: services.slug })
    .from(services)
    .where(inArray(services.slug, [...new Set(DEMO_SLOS.map((s) => s.service))]));
  const serviceId = new Map(svc.map((s) => [s.slug, s.id]));

  // The daily/weekly traffic shape is computed once per minute, not once per SLO-minute.
  await db.execute(sql.raw(`create temporary table if not exists demo_shape as ${shapeSql(start, end)}`));
  const createdIds: string[] = [];
  await db.transaction(async (tx) => {
    // Bulk load: skip the per-row foreign-key triggers where allowed (the SLO rows were
    // just created in this transaction); a 3× speed-up on the 3.9 M demo samples.
    const [su] = await queryRows<{ super: boolean }>(
      tx,
      sql`select rolsuper as super from pg_roles where rolname = current_user`,
    );
    if (su?.super) await tx.execute(sql`set local session_replication_role = replica`);
    for (const d of DEMO_SLOS) {
      const sid = serviceId.get(d.service);
      if (!sid) continue;
      const [created] = await tx
        .insert(slos)
        .values(sloValues(d, sid))
        .onConflictDoNothing({ target: slos.slug })
        .returning({ id: slos.id });
      if (!created) continue;
      await tx.execute(sampleSql(created.id, d, end, 'demo_shape'));
      createdIds.push(created.id);
    }
    if (createdIds.length) await rebuildRollups(tx, createdIds);
  });
  await db.execute(sql.raw('drop table if exists demo_shape'));

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

function sloValues(d: DemoSlo, serviceId: string) {
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
 */
export function sampleSql(
  sloId: string,
  d: DemoSlo,
  end: Date,
  shape: string,
  outages: Outage[] = d.outages ?? [],
  // The live filler may race a push; the seed writes fresh keys and skips the check (it is 1.5× slower).
  onConflict = '',
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
    insert into sli_samples (slo_id, minute, good, total)
    select '${sloId}'::uuid, m, t - least(t, floor(t * least(1, ${budget} * (${burn})) + random())), t
    from (select m, round(${d.rpm ?? 500} * f * (0.9 + random() * 0.2)) as t from ${from}) x
    ${onConflict}`);
}
