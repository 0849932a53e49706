import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { mutate } from '@/db/platform/mutation';
import { parseOrThrow } from '@/db/platform/parse';
import { sloCorrections } from '@/db/schema';
import type { Actor } from '@/lib/audit';
import { NotFoundError } from '@/lib/errors';
import { correctionInput } from '@/lib/validation/slo';

export async function listCorrections(db: Executor, sloId: string) {
  return db
    .select()
    .from(sloCorrections)
    .where(eq(sloCorrections.sloId, sloId))
    .orderBy(desc(sloCorrections.startsAt));
}

/** A maintenance window: its minutes leave every computation of the SLO (SPEC 1.2). Audited on the SLO. */
export async function addCorrection(db: Executor, actor: Actor, sloId: string, raw: unknown) {
  const input = parseOrThrow(correctionInput, raw);
  const minute = (d: Date) => new Date(Math.floor(d.getTime() / 60_000) * 60_000);
  return mutate(db, actor, async ({ tx }) => {
    const [row] = await tx
      .insert(sloCorrections)
      .values({
        sloId,
        startsAt: minute(input.startsAt),
        endsAt: minute(input.endsAt),
        reason: input.reason,
        createdBy: actor.type === 'user' ? actor.id : null,
        createdByLabel: actor.label,
      })
      .returning();
    return {
      result: row,
      change: { action: 'slo.correction.add', entityType: 'slo', entityId: sloId, after: row },
    };
  });
}

export async function deleteCorrection(db: Executor, actor: Actor, sloId: string, id: string) {
  return mutate(db, actor, async ({ tx }) => {
    const [row] = await tx
      .delete(sloCorrections)
      .where(and(eq(sloCorrections.id, id), eq(sloCorrections.sloId, sloId)))
      .returning();
    if (!row) throw new NotFoundError('Correction');
    return {
      result: row,
      change: { action: 'slo.correction.delete', entityType: 'slo', entityId: sloId, before: row },
    };
  });
}
