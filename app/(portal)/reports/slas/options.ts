import { asc } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { services } from '@/db/schema';
import { listSloRows } from '@/db/slo/slos';

/** The services and SLOs an SLA form offers. */
export async function slaFormOptions(db: Executor) {
  const [serviceRows, sloRows] = await Promise.all([
    db.select({ id: services.id, name: services.name }).from(services).orderBy(asc(services.name)),
    listSloRows(db),
  ]);
  return {
    services: serviceRows,
    slos: sloRows.map((s) => ({ id: s.id, name: s.name, serviceId: s.serviceId, target: Number(s.target) })),
  };
}
