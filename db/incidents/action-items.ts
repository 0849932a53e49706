import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { ensureVersion, mutate } from '@/db/platform/mutation';
import { parseOrThrow } from '@/db/platform/parse';
import { actionItems, incidents, postmortems, teamMembers, teams, users } from '@/db/schema';
import type { Actor } from '@/lib/audit';
import { NotFoundError } from '@/lib/errors';
import { actionItemOverdue } from '@/lib/incidents/metrics';
import type { ActionItemPriority, ActionItemStatus } from '@/lib/incidents/types';
import { actionItemInput, actionItemStatusInput } from '@/lib/incidents/validation';

async function ownerTeam(tx: Executor, ownerId: string | null) {
  if (!ownerId) return null;
  const [m] = await tx
    .select({ teamId: teamMembers.teamId })
    .from(teamMembers)
    .where(eq(teamMembers.userId, ownerId))
    .limit(1);
  return m?.teamId ?? null;
}

/** Action items stay editable after the postmortem is published (SPEC 1.3). */
export async function createActionItem(db: Executor, actor: Actor, postmortemId: string, raw: unknown) {
  const input = parseOrThrow(actionItemInput, raw);
  return mutate(
    db,
    actor,
    async ({ tx }) => {
      const pm = await tx.query.postmortems.findFirst({
        where: eq(postmortems.id, postmortemId),
        columns: { id: true },
      });
      if (!pm) throw new NotFoundError('Postmortem');
      const [item] = await tx
        .insert(actionItems)
        .values({ postmortemId, ...input, teamId: await ownerTeam(tx, input.ownerId) })
        .returning();
      return {
        result: item,
        change: { action: 'action_item.create', entityType: 'action_item', entityId: item.id, after: item },
      };
    },
    { foreignKey: { field: 'ownerId', message: 'That owner no longer exists' } },
  );
}

export async function updateActionItem(
  db: Executor,
  actor: Actor,
  id: string,
  expectedVersion: number,
  raw: unknown,
) {
  const input = parseOrThrow(actionItemInput, raw);
  return mutate(
    db,
    actor,
    async ({ tx }) => {
      const before = await tx.query.actionItems.findFirst({ where: eq(actionItems.id, id) });
      if (!before) throw new NotFoundError('Action item');
      const [row] = await tx
        .update(actionItems)
        .set({
          ...input,
          teamId: await ownerTeam(tx, input.ownerId),
          version: sql`${actionItems.version} + 1`,
          updatedAt: new Date(),
        })
        .where(and(eq(actionItems.id, id), eq(actionItems.version, expectedVersion)))
        .returning();
      const item = ensureVersion(row, 'action item');
      return {
        result: item,
        change: {
          action: 'action_item.update',
          entityType: 'action_item',
          entityId: id,
          before,
          after: item,
        },
      };
    },
    { foreignKey: { field: 'ownerId', message: 'That owner no longer exists' } },
  );
}

/** Bulk status change: one audit row per item. */
export async function setActionItemsStatus(db: Executor, actor: Actor, raw: unknown) {
  const { ids, status } = parseOrThrow(actionItemStatusInput, raw);
  return mutate(db, actor, async ({ tx, record }) => {
    const before = await tx.select().from(actionItems).where(inArray(actionItems.id, ids));
    const done = status === 'done';
    const rows = await tx
      .update(actionItems)
      .set({
        status,
        completedAt: done ? sql`coalesce(${actionItems.completedAt}, now())` : null,
        version: sql`${actionItems.version} + 1`,
        updatedAt: new Date(),
      })
      .where(inArray(actionItems.id, ids))
      .returning();
    for (const r of rows) {
      const b = before.find((x) => x.id === r.id);
      record({
        action: 'action_item.status',
        entityType: 'action_item',
        entityId: r.id,
        before: { status: b?.status },
        after: { status },
      });
    }
    return { result: rows.length, change: null };
  });
}

export interface ActionItemFilters {
  overdue?: boolean;
  ownerId?: string;
  ownerEmail?: string;
  teamId?: string;
  priority?: ActionItemPriority;
  status?: ActionItemStatus | 'open-any';
  postmortemId?: string;
}

export async function listActionItems(db: Executor, f: ActionItemFilters = {}, now = new Date()) {
  const today = now.toISOString().slice(0, 10);
  const where = [
    f.overdue
      ? sql`${actionItems.dueDate} < ${today} and ${actionItems.status} in ('open', 'in_progress')`
      : undefined,
    f.ownerId ? eq(actionItems.ownerId, f.ownerId) : undefined,
    f.ownerEmail ? eq(users.email, f.ownerEmail.toLowerCase()) : undefined,
    f.teamId ? eq(actionItems.teamId, f.teamId) : undefined,
    f.priority ? eq(actionItems.priority, f.priority) : undefined,
    f.status === 'open-any'
      ? inArray(actionItems.status, ['open', 'in_progress'])
      : f.status
        ? eq(actionItems.status, f.status)
        : undefined,
    f.postmortemId ? eq(actionItems.postmortemId, f.postmortemId) : undefined,
  ].filter(Boolean);
  const rows = await db
    .select({
      id: actionItems.id,
      title: actionItems.title,
      type: actionItems.type,
      priority: actionItems.priority,
      status: actionItems.status,
      dueDate: actionItems.dueDate,
      trackerUrl: actionItems.trackerUrl,
      completedAt: actionItems.completedAt,
      version: actionItems.version,
      ownerId: actionItems.ownerId,
      owner: users.name,
      ownerEmail: users.email,
      team: teams.name,
      postmortemId: actionItems.postmortemId,
      postmortemTitle: postmortems.title,
      incidentNumber: incidents.number,
    })
    .from(actionItems)
    .innerJoin(postmortems, eq(postmortems.id, actionItems.postmortemId))
    .innerJoin(incidents, eq(incidents.id, postmortems.incidentId))
    .leftJoin(users, eq(users.id, actionItems.ownerId))
    .leftJoin(teams, eq(teams.id, actionItems.teamId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(actionItems.priority), sql`${actionItems.dueDate} nulls last`, asc(actionItems.createdAt))
    .limit(2000);
  return rows.map((r) => ({ ...r, overdue: actionItemOverdue(r, now) }));
}
export type ActionItemRow = Awaited<ReturnType<typeof listActionItems>>[number];
