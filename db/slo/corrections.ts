import { and, desc, eq } from 'drizzle-orm';
import type { DB, Executor } from '@/db/client';
import { recordAudit } from '@/db/platform/audit';
import { parseOrThrow } from '@/db/platform/parse';
import { sloCorrections } from '@/db/schema';
import type { Actor } from '@/lib/audit';
import { NotFoundError } from '@/lib/errors';
import { correctionInput } from '@/lib/validation/slo';
import { invalidateSnapshots } from './snapshot-invalidation';

export async function listCorrections(db: Executor, sloId: string) {
  return db
    .select()
    .from(sloCorrections)
    .where(eq(sloCorrections.sloId, sloId))
    .orderBy(desc(sloCorrections.startsAt));
}

/** A maintenance window: its minutes leave every computation of the SLO (SPEC 1.2). */
export async function addCorrection(db: DB, actor: Actor, sloId: string, raw: unknown) {
  const input = parseOrThrow(correctionInput, raw);
  const minute = (d: Date) => new Date(Math.floor(d.getTime() / 60_000) * 60_000);
  return db.transaction(async (tx) => {
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
    await invalidateSnapshots(tx, [sloId]);
    await recordAudit(tx, actor, {
      action: 'slo.correction.add',
      entityType: 'slo',
      entityId: sloId,
      after: row,
    });
    return row;
  });
}

export async function deleteCorrection(db: DB, actor: Actor, sloId: string, id: string) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .delete(sloCorrections)
      .where(and(eq(sloCorrections.id, id), eq(sloCorrections.sloId, sloId)))
      .returning();
    if (!row) throw new NotFoundError('Correction');
    await invalidateSnapshots(tx, [sloId]);
    await recordAudit(tx, actor, {
      action: 'slo.correction.delete',
      entityType: 'slo',
      entityId: sloId,
      before: row,
    });
    return row;
  });
}
