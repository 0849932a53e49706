import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { ensureVersion, mutate } from '@/db/platform/mutation';
import { parseOrThrow } from '@/db/platform/parse';
import { services, slaSlos, slas, slos } from '@/db/schema';
import type { Actor } from '@/lib/audit';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { sortTiers } from '@/lib/reports/credits';
import { type SlaInput, slaInput } from '@/lib/validation/sla';

export interface SlaWithSlos {
  id: string;
  serviceId: string;
  serviceSlug: string;
  serviceName: string;
  name: string;
  target: number;
  description: string;
  creditTiers: SlaInput['creditTiers'];
  version: number;
  sloIds: string[];
}

export async function listSlas(db: Executor, id?: string): Promise<SlaWithSlos[]> {
  const rows = await db
    .select({
      id: slas.id,
      serviceId: slas.serviceId,
      serviceSlug: services.slug,
      serviceName: services.name,
      name: slas.name,
      target: slas.target,
      description: slas.description,
      creditTiers: slas.creditTiers,
      version: slas.version,
      sloIds: sql<
        string[]
      >`coalesce((select array_agg(${slaSlos.sloId}::text) from ${slaSlos} where ${slaSlos.slaId} = ${slas.id}), '{}')`,
    })
    .from(slas)
    .innerJoin(services, eq(services.id, slas.serviceId))
    .where(id ? eq(slas.id, id) : undefined)
    .orderBy(asc(services.name), asc(slas.name));
  return rows.map((r) => ({ ...r, creditTiers: sortTiers(r.creditTiers ?? []) }));
}

export async function getSla(db: Executor, id: string): Promise<SlaWithSlos | null> {
  return (await listSlas(db, id))[0] ?? null;
}

/** The SLOs that measure an SLA must belong to its service. */
async function checkSlos(tx: Executor, input: SlaInput) {
  const found = await tx
    .select({ id: slos.id })
    .from(slos)
    .where(and(inArray(slos.id, input.sloIds), eq(slos.serviceId, input.serviceId)));
  if (found.length !== new Set(input.sloIds).size)
    throw new ValidationError('Unknown SLO', { sloIds: ['Choose SLOs of the same service'] });
}

async function setSlos(tx: Executor, slaId: string, sloIds: string[]) {
  await tx.delete(slaSlos).where(eq(slaSlos.slaId, slaId));
  await tx.insert(slaSlos).values([...new Set(sloIds)].map((sloId) => ({ slaId, sloId })));
}

const values = (input: SlaInput) => ({
  serviceId: input.serviceId,
  name: input.name,
  target: input.target,
  description: input.description,
  creditTiers: sortTiers(input.creditTiers),
});

const unknownService = { field: 'serviceId', message: 'Choose a service' };

export async function createSla(db: Executor, actor: Actor, raw: unknown) {
  const input = parseOrThrow(slaInput, raw);
  return mutate(
    db,
    actor,
    async ({ tx }) => {
      await checkSlos(tx, input);
      const [sla] = await tx.insert(slas).values(values(input)).returning();
      await setSlos(tx, sla.id, input.sloIds);
      const after = { ...sla, sloIds: input.sloIds };
      return { result: sla, change: { action: 'sla.create', entityType: 'sla', entityId: sla.id, after } };
    },
    { foreignKey: unknownService },
  );
}

export async function updateSla(
  db: Executor,
  actor: Actor,
  id: string,
  expectedVersion: number,
  raw: unknown,
) {
  const input = parseOrThrow(slaInput, raw);
  return mutate(
    db,
    actor,
    async ({ tx }) => {
      const before = await getSla(tx, id);
      if (!before) throw new NotFoundError('SLA');
      await checkSlos(tx, input);
      const [updated] = await tx
        .update(slas)
        .set({ ...values(input), version: sql`${slas.version} + 1`, updatedAt: new Date() })
        .where(and(eq(slas.id, id), eq(slas.version, expectedVersion)))
        .returning();
      const sla = ensureVersion(updated, 'SLA');
      await setSlos(tx, id, input.sloIds);
      const after = { ...sla, sloIds: input.sloIds };
      return {
        result: sla,
        change: { action: 'sla.update', entityType: 'sla', entityId: id, before, after },
      };
    },
    { foreignKey: unknownService },
  );
}

export async function deleteSla(db: Executor, actor: Actor, id: string) {
  return mutate(db, actor, async ({ tx }) => {
    const before = await getSla(tx, id);
    const [sla] = await tx.delete(slas).where(eq(slas.id, id)).returning();
    if (!sla) throw new NotFoundError('SLA');
    return { result: sla, change: { action: 'sla.delete', entityType: 'sla', entityId: id, before } };
  });
}
