import { inArray } from 'drizzle-orm';
import { createSla } from '@/db/reports/slas';
import type { DB } from '../client';
import { slas, slos } from '../schema';

const SEED_ACTOR = { type: 'system', label: 'seed' } as const;

// Three customer contracts (SPEC 5), each measured by its service's demo SLOs.
const DEMO_SLAS = [
  {
    name: 'Checkout availability SLA',
    slos: ['checkout-availability'],
    target: 0.995,
    description: 'Customers can place orders 99.5 % of each calendar month.',
    creditTiers: [
      { below: 0.995, creditPercent: 10 },
      { below: 0.99, creditPercent: 25 },
      { below: 0.95, creditPercent: 100 },
    ],
  },
  {
    name: 'Payments authorisation SLA',
    slos: ['payments-authorisation'],
    target: 0.999,
    description: 'Card authorisations succeed 99.9 % of each calendar month.',
    creditTiers: [
      { below: 0.999, creditPercent: 10 },
      { below: 0.995, creditPercent: 25 },
    ],
  },
  {
    name: 'Public API availability SLA',
    slos: ['gateway-availability'],
    target: 0.999,
    description: 'The public API answers successfully 99.9 % of each calendar month.',
    creditTiers: [
      { below: 0.999, creditPercent: 5 },
      { below: 0.99, creditPercent: 15 },
    ],
  },
];

/** Idempotent: only runs while no SLA exists. */
export async function seedReports(db: DB): Promise<void> {
  if ((await db.select({ id: slas.id }).from(slas).limit(1)).length > 0) return;
  const rows = await db
    .select({ id: slos.id, slug: slos.slug, serviceId: slos.serviceId })
    .from(slos)
    .where(
      inArray(
        slos.slug,
        DEMO_SLAS.flatMap((s) => s.slos),
      ),
    );
  const bySlug = new Map(rows.map((r) => [r.slug, r]));
  for (const sla of DEMO_SLAS) {
    const measuring = sla.slos.map((s) => bySlug.get(s)).filter((s) => s !== undefined);
    if (measuring.length === 0) continue;
    await createSla(db, SEED_ACTOR, {
      serviceId: measuring[0].serviceId,
      name: sla.name,
      target: sla.target,
      description: sla.description,
      sloIds: measuring.map((s) => s.id),
      creditTiers: sla.creditTiers,
    });
  }
}
