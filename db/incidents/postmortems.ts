import { and, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { ensureVersion, mutate } from '@/db/platform/mutation';
import { parseOrThrow } from '@/db/platform/parse';
import { actionItems, incidents, postmortemReviews, postmortems, users } from '@/db/schema';
import type { Actor } from '@/lib/audit';
import { hasRole, type Role } from '@/lib/auth/roles';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@/lib/errors';
import { postmortemOverdue } from '@/lib/incidents/metrics';
import { prefillSections } from '@/lib/incidents/postmortem-template';
import { CHECKLIST_KEYS, type PostmortemSections, type ReviewChecklist } from '@/lib/incidents/types';
import { postmortemSaveInput, reviewInput } from '@/lib/incidents/validation';
import { budgetConsumedByWindow } from './budget';
import { getIncident } from './incidents';

export interface Reviewer {
  id: string;
  role: Role;
}

const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

/** Creates the postmortem of an incident, prefilled with its timeline, services and the budget each SLO spent. */
export async function createPostmortem(db: Executor, actor: Actor, incidentId: string, now = new Date()) {
  const incident = isUuid(incidentId) ? await getIncident(db, incidentId) : null;
  if (!incident) throw new NotFoundError('Incident');
  const budgets = await budgetConsumedByWindow(
    db,
    incident.slos.map((s) => s.id),
    incident.startedAt,
    incident.resolvedAt ?? now,
  );
  const sections = prefillSections(incident, budgets, now);
  return mutate(
    db,
    actor,
    async ({ tx }) => {
      const [pm] = await tx
        .insert(postmortems)
        .values({
          incidentId,
          title: `Postmortem: ${incident.title}`.slice(0, 200),
          sections,
          authorId: actor.type === 'user' ? actor.id : null,
        })
        .returning();
      return {
        result: pm,
        change: { action: 'postmortem.create', entityType: 'postmortem', entityId: pm.id, after: pm },
      };
    },
    { unique: { field: 'incidentId', message: 'This incident already has a postmortem' } },
  );
}

/** One autosave: refused with a ConflictError when the text changed since `expectedVersion`. */
export async function savePostmortem(db: Executor, actor: Actor, id: string, raw: unknown) {
  const input = parseOrThrow(postmortemSaveInput, raw);
  return mutate(db, actor, async ({ tx }) => {
    const before = await tx.query.postmortems.findFirst({ where: eq(postmortems.id, id) });
    if (!before) throw new NotFoundError('Postmortem');
    if (before.status === 'published') throw new ValidationError('Published postmortems are read-only', {});
    const [row] = await tx
      .update(postmortems)
      .set({
        title: input.title,
        sections: input.sections as PostmortemSections,
        version: sql`${postmortems.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(postmortems.id, id), eq(postmortems.version, input.expectedVersion)))
      .returning({ id: postmortems.id, version: postmortems.version, updatedAt: postmortems.updatedAt });
    const saved = ensureVersion(row, 'postmortem');
    return {
      result: saved,
      change: {
        action: 'postmortem.save',
        entityType: 'postmortem',
        entityId: id,
        before: { version: before.version, title: before.title, sections: before.sections },
        after: { version: saved.version, title: input.title, sections: input.sections },
      },
    };
  });
}

async function transition(
  db: Executor,
  actor: Actor,
  id: string,
  action: string,
  check: (
    pm: typeof postmortems.$inferSelect,
    tx: Executor,
  ) => Promise<Partial<typeof postmortems.$inferInsert>>,
) {
  return mutate(db, actor, async ({ tx }) => {
    const before = await tx.query.postmortems.findFirst({ where: eq(postmortems.id, id) });
    if (!before) throw new NotFoundError('Postmortem');
    const patch = await check(before, tx);
    const [pm] = await tx
      .update(postmortems)
      .set({ ...patch, version: sql`${postmortems.version} + 1`, updatedAt: new Date() })
      .where(eq(postmortems.id, id))
      .returning();
    return {
      result: pm,
      change: {
        action,
        entityType: 'postmortem',
        entityId: id,
        before: { status: before.status },
        after: { status: pm.status },
      },
    };
  });
}

export function submitForReview(db: Executor, actor: Actor, id: string) {
  return transition(db, actor, id, 'postmortem.submit', async (pm) => {
    if (pm.status !== 'draft') throw new ConflictError('Only a draft can be submitted for review');
    return { status: 'in_review', reviewRound: pm.reviewRound + 1, submittedAt: new Date() };
  });
}

/** A reviewer's verdict: engineers and admins, never the author; approval needs the whole checklist. */
export async function reviewPostmortem(
  db: Executor,
  actor: Actor,
  reviewer: Reviewer,
  id: string,
  raw: unknown,
) {
  const input = parseOrThrow(reviewInput, raw);
  if (!hasRole(reviewer.role, 'engineer')) throw new ForbiddenError('Reviewing needs the engineer role');
  return mutate(
    db,
    actor,
    async ({ tx }) => {
      const pm = await tx.query.postmortems.findFirst({ where: eq(postmortems.id, id) });
      if (!pm) throw new NotFoundError('Postmortem');
      if (pm.status !== 'in_review') throw new ConflictError('This postmortem is not in review');
      if (pm.authorId === reviewer.id)
        throw new ForbiddenError('The author cannot review their own postmortem');
      const checklist = input.checklist as ReviewChecklist;
      if (input.decision === 'approved' && !CHECKLIST_KEYS.every((k) => checklist[k])) {
        throw new ValidationError('Tick every item of the review checklist to approve', {
          checklist: ['Tick every item to approve'],
        });
      }
      const [review] = await tx
        .insert(postmortemReviews)
        .values({
          postmortemId: id,
          reviewerId: reviewer.id,
          decision: input.decision,
          checklist,
          comment: input.comment,
          round: pm.reviewRound,
        })
        .returning();
      if (input.decision === 'changes_requested') {
        await tx
          .update(postmortems)
          .set({ status: 'draft', version: sql`${postmortems.version} + 1`, updatedAt: new Date() })
          .where(eq(postmortems.id, id));
      }
      return {
        result: review,
        change: {
          action: `postmortem.review.${input.decision}`,
          entityType: 'postmortem',
          entityId: id,
          after: review,
        },
      };
    },
    { unique: { field: 'decision', message: 'You already reviewed this round' } },
  );
}

/** Publishing needs an approval of the current review round by someone other than the author. */
export function publishPostmortem(db: Executor, actor: Actor, reviewer: Reviewer, id: string) {
  if (!hasRole(reviewer.role, 'engineer')) throw new ForbiddenError('Publishing needs the engineer role');
  return transition(db, actor, id, 'postmortem.publish', async (pm, tx) => {
    if (pm.status !== 'in_review') throw new ConflictError('Only a postmortem in review can be published');
    const approvals = await tx
      .select({ id: postmortemReviews.id })
      .from(postmortemReviews)
      .where(
        and(
          eq(postmortemReviews.postmortemId, id),
          eq(postmortemReviews.round, pm.reviewRound),
          eq(postmortemReviews.decision, 'approved'),
        ),
      );
    if (approvals.length === 0) throw new ConflictError('A reviewer must approve it before it is published');
    return { status: 'published', publishedAt: new Date() };
  });
}

export async function getPostmortem(db: Executor, id: string) {
  if (!isUuid(id)) return null;
  const pm = await db.query.postmortems.findFirst({ where: eq(postmortems.id, id) });
  if (!pm) return null;
  const incident = await getIncident(db, pm.incidentId);
  const reviews = await db
    .select({
      id: postmortemReviews.id,
      reviewerId: postmortemReviews.reviewerId,
      reviewer: users.name,
      decision: postmortemReviews.decision,
      checklist: postmortemReviews.checklist,
      comment: postmortemReviews.comment,
      round: postmortemReviews.round,
      createdAt: postmortemReviews.createdAt,
    })
    .from(postmortemReviews)
    .innerJoin(users, eq(users.id, postmortemReviews.reviewerId))
    .where(eq(postmortemReviews.postmortemId, id))
    .orderBy(desc(postmortemReviews.createdAt));
  const author = pm.authorId
    ? await db.query.users.findFirst({ where: eq(users.id, pm.authorId), columns: { name: true } })
    : null;
  const { searchVector: _sv, ...rest } = pm;
  return {
    ...rest,
    author: author?.name ?? null,
    incident: incident as NonNullable<typeof incident>,
    reviews,
  };
}
export type PostmortemDetail = NonNullable<Awaited<ReturnType<typeof getPostmortem>>>;

export async function listPostmortems(db: Executor, now = new Date()) {
  const rows = await db
    .select({
      id: postmortems.id,
      title: postmortems.title,
      status: postmortems.status,
      updatedAt: postmortems.updatedAt,
      publishedAt: postmortems.publishedAt,
      incidentId: incidents.id,
      incidentNumber: incidents.number,
      severity: incidents.severity,
      resolvedAt: incidents.resolvedAt,
      author: users.name,
      openItems: sql<number>`(select count(*)::int from ${actionItems} a where a.postmortem_id = ${postmortems.id} and a.status in ('open', 'in_progress'))`,
    })
    .from(postmortems)
    .innerJoin(incidents, eq(incidents.id, postmortems.incidentId))
    .leftJoin(users, eq(users.id, postmortems.authorId))
    .orderBy(desc(postmortems.updatedAt));
  return rows.map((r) => ({ ...r, overdue: postmortemOverdue(r, r, now) }));
}

/** Resolved SEV1/SEV2 incidents still owing a postmortem draft (SPEC 1.3). */
export async function incidentsWithoutPostmortem(db: Executor, now = new Date()) {
  const rows = await db
    .select({
      id: incidents.id,
      number: incidents.number,
      title: incidents.title,
      severity: incidents.severity,
      resolvedAt: incidents.resolvedAt,
    })
    .from(incidents)
    .where(
      sql`${incidents.resolvedAt} is not null and ${incidents.severity} in ('SEV1', 'SEV2') and not exists (select 1 from postmortems p where p.incident_id = ${incidents.id})`,
    )
    .orderBy(desc(incidents.resolvedAt));
  return rows.map((r) => ({ ...r, overdue: postmortemOverdue(r, null, now) }));
}
