// Runbook verbs (SPEC 1.6): every content save is a version-checked update plus a full
// revision; restore writes an old revision back as a new one; review stamps the reviewer.
import { and, eq, sql } from 'drizzle-orm';
import type { Executor, Tx } from '@/db/client';
import { ensureVersion, mutate } from '@/db/platform/mutation';
import { parseOrThrow } from '@/db/platform/parse';
import { type Runbook, runbookRevisions, runbooks } from '@/db/schema';
import type { Actor } from '@/lib/audit';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { type RunbookInput, runbookInput } from '@/lib/runbooks/validation';

const slugTaken = (slug: string) => ({
  field: 'slug',
  message: `"${slug}" is already used by another runbook`,
});
const badReference = { message: 'The chosen service or team no longer exists' };

export const authorOf = (actor: Actor) => ({
  authorId: actor.type === 'user' ? actor.id : null,
  authorLabel: actor.label,
});

/** Writes the revision for the runbook's current content. */
export async function recordRevision(tx: Executor, row: Runbook, actor: Actor, note = '') {
  await tx.insert(runbookRevisions).values({
    runbookId: row.id,
    version: row.version,
    title: row.title,
    body: row.body,
    serviceId: row.serviceId,
    ownerTeamId: row.ownerTeamId,
    alertNames: row.alertNames,
    reviewIntervalDays: row.reviewIntervalDays,
    note,
    ...authorOf(actor),
  });
}

function contentOf(input: RunbookInput) {
  return {
    slug: input.slug,
    title: input.title,
    body: input.body,
    serviceId: input.serviceId,
    ownerTeamId: input.ownerTeamId,
    alertNames: input.alertNames,
    reviewIntervalDays: input.reviewIntervalDays,
  };
}

/** What the audit log keeps of a runbook (the body lives in the revisions). */
const auditView = ({ searchVector: _sv, body, ...rest }: Runbook) => ({ ...rest, bodyChars: body.length });

export async function createRunbook(db: Executor, actor: Actor, raw: unknown) {
  const input = parseOrThrow(runbookInput, raw);
  return mutate(
    db,
    actor,
    async ({ tx }) => {
      const [row] = await tx
        .insert(runbooks)
        .values({ ...contentOf(input), updatedBy: actor.label })
        .returning();
      await recordRevision(tx, row, actor);
      return {
        result: row,
        change: { action: 'runbook.create', entityType: 'runbook', entityId: row.id, after: auditView(row) },
      };
    },
    { unique: slugTaken(input.slug), foreignKey: badReference },
  );
}

/** Saves an edit made on `expectedVersion`; someone else's save in between is a 409, never overwritten. */
export async function updateRunbook(
  db: Executor,
  actor: Actor,
  id: string,
  expectedVersion: number,
  raw: unknown,
) {
  checkVersion(expectedVersion, 'version');
  const input = parseOrThrow(runbookInput, raw);
  return mutate(
    db,
    actor,
    async ({ tx }) => {
      const before = await lockRunbook(tx, id);
      const row = await bumpVersion(tx, id, expectedVersion, { ...contentOf(input), updatedBy: actor.label });
      await recordRevision(tx, row, actor);
      return {
        result: row,
        change: {
          action: 'runbook.update',
          entityType: 'runbook',
          entityId: id,
          before: auditView(before),
          after: auditView(row),
        },
      };
    },
    { unique: slugTaken(input.slug), foreignKey: badReference },
  );
}

/** Writes revision `revisionVersion` back as the newest revision (history is never rewritten). */
export async function restoreRevision(
  db: Executor,
  actor: Actor,
  id: string,
  revisionVersion: number,
  expectedVersion: number,
) {
  checkVersion(revisionVersion, 'revision');
  checkVersion(expectedVersion, 'version');
  return mutate(db, actor, async ({ tx }) => {
    const before = await lockRunbook(tx, id);
    const [rev] = await tx
      .select()
      .from(runbookRevisions)
      .where(and(eq(runbookRevisions.runbookId, id), eq(runbookRevisions.version, revisionVersion)));
    if (!rev) throw new NotFoundError('Revision');
    const row = await bumpVersion(tx, id, expectedVersion, {
      title: rev.title,
      body: rev.body,
      // A service or team deleted since then stays unset rather than failing the restore.
      serviceId: sql`(select id from services where id = ${rev.serviceId})`,
      ownerTeamId: sql`(select id from teams where id = ${rev.ownerTeamId})`,
      alertNames: rev.alertNames,
      reviewIntervalDays: rev.reviewIntervalDays,
      updatedBy: actor.label,
    });
    await recordRevision(tx, row, actor, `Restored version ${revisionVersion}`);
    return {
      result: row,
      change: {
        action: 'runbook.restore',
        entityType: 'runbook',
        entityId: id,
        before: auditView(before),
        after: { ...auditView(row), restoredFrom: revisionVersion },
      },
    };
  });
}

/** "Mark reviewed": stamps the reviewer and restarts the review interval. Not a content change. */
export async function markRunbookReviewed(db: Executor, actor: Actor, id: string) {
  return mutate(db, actor, async ({ tx }) => {
    const before = await lockRunbook(tx, id);
    const [row] = await tx
      .update(runbooks)
      .set({
        lastReviewedAt: new Date(),
        lastReviewedById: actor.type === 'user' ? actor.id : null,
        lastReviewedBy: actor.label,
      })
      .where(eq(runbooks.id, id))
      .returning();
    return {
      result: row,
      change: {
        action: 'runbook.review',
        entityType: 'runbook',
        entityId: id,
        before: { lastReviewedAt: before.lastReviewedAt, lastReviewedBy: before.lastReviewedBy },
        after: { lastReviewedAt: row.lastReviewedAt, lastReviewedBy: row.lastReviewedBy },
      },
    };
  });
}

export async function deleteRunbook(db: Executor, actor: Actor, id: string) {
  return mutate(db, actor, async ({ tx }) => {
    const [row] = await tx
      .delete(runbooks)
      .where(eq(runbooks.id, checkId(id)))
      .returning();
    if (!row) throw new NotFoundError('Runbook');
    return {
      result: row,
      change: { action: 'runbook.delete', entityType: 'runbook', entityId: id, before: auditView(row) },
    };
  });
}

function checkVersion(n: number, field: string) {
  if (!Number.isSafeInteger(n) || n < 1 || n > 2_147_483_647)
    throw new ValidationError(`Invalid ${field}`, { [field]: ['Reload the page and try again'] });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id from a form or URL that is not even a UUID names no runbook (rather than a SQL error). */
function checkId(id: string): string {
  if (!UUID.test(id)) throw new NotFoundError('Runbook');
  return id;
}

async function lockRunbook(tx: Tx, id: string): Promise<Runbook> {
  checkId(id);
  const [row] = await tx.select().from(runbooks).where(eq(runbooks.id, id)).for('update');
  if (!row) throw new NotFoundError('Runbook');
  return row;
}

async function bumpVersion(
  tx: Tx,
  id: string,
  expectedVersion: number,
  values: Partial<Record<keyof typeof runbooks.$inferInsert, unknown>>,
): Promise<Runbook> {
  const [row] = await tx
    .update(runbooks)
    .set({ ...(values as object), version: sql`${runbooks.version} + 1`, updatedAt: new Date() })
    .where(and(eq(runbooks.id, id), eq(runbooks.version, expectedVersion)))
    .returning();
  return ensureVersion(row, 'runbook');
}
