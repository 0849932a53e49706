// Demo capacity plans (SPEC 5): a dozen resources with ~180 days of daily peaks — growth,
// weekly seasonality, one step change, one flat and one falling, and one near exhaustion.
import { inArray } from 'drizzle-orm';
import { upsertSamples } from '@/db/capacity/samples';
import { recordAudit } from '@/db/platform/audit';
import { DAY_MS, utcDay } from '@/lib/capacity/series';
import type { DB } from '../client';
import { capacityResources, capacityScenarios, services } from '../schema';

interface DemoResource {
  service: string;
  slug: string;
  name: string;
  unit: string;
  capacityPerInstance: number;
  instances: number;
  leadTimeDays: number;
  redundancy?: number;
  /** Demand `day` days after the start of the history (0…179), before noise. */
  demand: (day: number) => number;
  /** Relative noise (0.02 = ±2%). */
  noise: number;
  scenarios?: Array<{ name: string; kind: 'multiplier' | 'growth'; value: number }>;
}

const HISTORY_DAYS = 180;
/** Weekends busier for shoppers, quieter for business traffic: the day of week of `day`'s date. */
const weekly = (day: number, start: number, amplitude: number, weekendHigh = false) => {
  const dow = new Date(start + day * DAY_MS).getUTCDay();
  const weekend = dow === 0 || dow === 6;
  return 1 + (weekend === weekendHigh ? amplitude : -amplitude * 0.6);
};

function plans(start: number): DemoResource[] {
  return [
    {
      service: 'checkout-api',
      slug: 'checkout-db-connections',
      name: 'Checkout DB connections',
      unit: 'connections',
      capacityPerInstance: 500,
      instances: 4,
      leadTimeDays: 45,
      demand: (d) => (700 + 3 * d) * weekly(d, start, 0.04),
      noise: 0.02,
      scenarios: [{ name: 'Black Friday ×3', kind: 'multiplier', value: 3 }],
    },
    {
      service: 'api-gateway',
      slug: 'gateway-rps',
      name: 'Gateway requests',
      unit: 'rps',
      capacityPerInstance: 2000,
      instances: 12,
      leadTimeDays: 30,
      demand: (d) => (8000 + 30 * d) * weekly(d, start, 0.12),
      noise: 0.03,
      scenarios: [
        { name: 'Mobile app launch ×2', kind: 'multiplier', value: 2 },
        { name: '+10% a month', kind: 'growth', value: 10 },
      ],
    },
    {
      service: 'auth-service',
      slug: 'auth-cpu',
      name: 'Auth CPU',
      unit: 'cores',
      capacityPerInstance: 8,
      instances: 10,
      leadTimeDays: 14,
      demand: (d) => (18 + 0.02 * d) * weekly(d, start, 0.1),
      noise: 0.04,
    },
    {
      service: 'k8s-platform',
      slug: 'cluster-memory',
      name: 'Cluster memory',
      unit: 'GiB',
      capacityPerInstance: 256,
      instances: 40,
      leadTimeDays: 60,
      redundancy: 2,
      demand: (d) => 2000 * Math.exp(0.004 * d),
      noise: 0.015,
    },
    {
      service: 'payments-processor',
      slug: 'payments-tps',
      name: 'Payment transactions',
      unit: 'tps',
      capacityPerInstance: 400,
      instances: 6,
      leadTimeDays: 30,
      // A large merchant moved over 50 days ago: a step of +300 tps.
      demand: (d) => (700 + 1.2 * d + (d >= HISTORY_DAYS - 50 ? 300 : 0)) * weekly(d, start, 0.08),
      noise: 0.03,
      scenarios: [{ name: 'Second merchant ×1.5', kind: 'multiplier', value: 1.5 }],
    },
    {
      service: 'billing-worker',
      slug: 'billing-workers',
      name: 'Billing queue throughput',
      unit: 'jobs/min',
      capacityPerInstance: 600,
      instances: 5,
      leadTimeDays: 14,
      demand: () => 1500,
      noise: 0.05,
    },
    {
      service: 'web-frontend',
      slug: 'web-rps',
      name: 'Web frontend requests',
      unit: 'rps',
      capacityPerInstance: 800,
      instances: 26,
      leadTimeDays: 21,
      demand: (d) => (6000 + 25 * d) * weekly(d, start, 0.2, true),
      noise: 0.03,
      scenarios: [
        { name: 'Launch ×10', kind: 'multiplier', value: 10 },
        { name: 'Spike ×100', kind: 'multiplier', value: 100 },
      ],
    },
    {
      service: 'search-api',
      slug: 'search-qps',
      name: 'Search queries',
      unit: 'qps',
      capacityPerInstance: 300,
      instances: 18,
      leadTimeDays: 30,
      demand: (d) => 1500 * Math.exp(0.003 * d) * weekly(d, start, 0.15, true),
      noise: 0.03,
    },
    {
      service: 'catalog-api',
      slug: 'catalog-db-storage',
      name: 'Catalog DB storage',
      unit: 'GiB',
      capacityPerInstance: 1000,
      instances: 2,
      leadTimeDays: 30,
      redundancy: 0,
      demand: (d) => 500 + 3 * d,
      noise: 0.005,
    },
    {
      service: 'events-pipeline',
      slug: 'kafka-disk',
      name: 'Kafka broker disk',
      unit: 'TiB',
      capacityPerInstance: 4,
      instances: 9,
      leadTimeDays: 45,
      demand: (d) => (14 + 0.03 * d) * weekly(d, start, 0.1),
      noise: 0.02,
    },
    {
      service: 'events-pipeline',
      slug: 'kafka-ingest',
      name: 'Kafka ingest throughput',
      unit: 'MB/s',
      capacityPerInstance: 120,
      instances: 11,
      leadTimeDays: 45,
      demand: (d) => (420 + 1.1 * d) * weekly(d, start, 0.1),
      noise: 0.03,
    },
    {
      service: 'warehouse-etl',
      slug: 'warehouse-slots',
      name: 'Warehouse query slots',
      unit: 'slots',
      capacityPerInstance: 100,
      instances: 8,
      leadTimeDays: 30,
      // Falling since the old reports were retired.
      demand: (d) => 520 - 0.8 * d,
      noise: 0.04,
    },
  ];
}

/** A small deterministic PRNG so the demo is the same on every machine. */
function noiseSource(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 31 - 1;
  };
}

export async function seedCapacity(db: DB): Promise<void> {
  const start = utcDay(Date.now()) - (HISTORY_DAYS - 1) * DAY_MS;
  const list = plans(start);
  const svc = await db
    .select({ id: services.id, slug: services.slug })
    .from(services)
    .where(inArray(services.slug, [...new Set(list.map((p) => p.service))]));
  const serviceId = new Map(svc.map((s) => [s.slug, s.id]));
  await db.transaction(async (tx) => {
    const created = await tx
      .insert(capacityResources)
      .values(
        list
          .filter((p) => serviceId.has(p.service))
          .map((p) => ({
            serviceId: serviceId.get(p.service) as string,
            slug: p.slug,
            name: p.name,
            unit: p.unit,
            capacityPerInstance: p.capacityPerInstance,
            instances: p.instances,
            leadTimeDays: p.leadTimeDays,
            redundancy: p.redundancy ?? 1,
          })),
      )
      .onConflictDoNothing({ target: capacityResources.slug })
      .returning({ id: capacityResources.id, slug: capacityResources.slug });
    // Only resources created now get history: re-seeding never rewrites someone's data.
    for (const [i, row] of created.entries()) {
      const plan = list.find((p) => p.slug === row.slug) as DemoResource;
      const rand = noiseSource(1000 + i);
      const points = Array.from({ length: HISTORY_DAYS }, (_, d) => ({
        ts: start + d * DAY_MS + 14 * 3_600_000,
        value: Math.max(0, Math.round(plan.demand(d) * (1 + plan.noise * rand()) * 100) / 100),
      }));
      await upsertSamples(tx, row.id, points);
      if (plan.scenarios?.length)
        await tx
          .insert(capacityScenarios)
          .values(plan.scenarios.map((s) => ({ resourceId: row.id, ...s })))
          .onConflictDoNothing();
    }
    if (created.length > 0)
      await recordAudit(
        tx,
        { type: 'system', label: 'seed' },
        {
          action: 'capacity.seed',
          entityType: 'capacity_resource',
          entityId: 'demo',
          after: { resources: created.map((r) => r.slug) },
        },
      );
  });
}
