import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { ensureVersion, mutate } from '@/db/platform/mutation';
import { services, teamMembers, teams, toilCategories, toilEntries } from '@/db/schema';
import type { Actor } from '@/lib/audit';
import { hasRole, type Role } from '@/lib/auth/roles';
import { ForbiddenError, NotFoundError, ValidationError } from '@/lib/errors';
import type { KnownValues, ToilRowInput } from '@/lib/toil/csv';
import { validateToilRow } from '@/lib/toil/csv';
import { rowFieldErrors } from '@/lib/validation/toil';

/** Who logs or edits toil: engineers their own entries, admins anyone's (SPEC 1.1). */
export interface ToilEditor {
  id: string;
  role: Role;
}

export type TeamRef = { id: string; slug: string; name: string };

/** The teams a user belongs to, by name; the first is "their" team for toil. */
export async function teamsOfUser(db: Executor, userId: string): Promise<TeamRef[]> {
  return db
    .select({ id: teams.id, slug: teams.slug, name: teams.name })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(eq(teamMembers.userId, userId))
    .orderBy(asc(teams.name));
}

/** Teams whose entries the user may read: admins every team (null), others their own. */
export async function visibleTeamIds(db: Executor, user: ToilEditor): Promise<string[] | null> {
  if (hasRole(user.role, 'admin')) return null;
  return (await teamsOfUser(db, user.id)).map((t) => t.id);
}

/**
 * The team an entry is logged for: one of the user's own teams (the first by
 * default); admins may name any team, which they need when they have none.
 */
export async function resolveToilTeam(db: Executor, user: ToilEditor, requested?: string | null) {
  const own = await teamsOfUser(db, user.id);
  const wanted = requested?.trim();
  if (wanted) {
    const mine = own.find((t) => t.id === wanted || t.slug === wanted);
    if (mine) return mine;
    if (hasRole(user.role, 'admin')) {
      const [team] = await db
        .select({ id: teams.id, slug: teams.slug, name: teams.name })
        .from(teams)
        .where(/^[0-9a-f-]{36}$/i.test(wanted) ? eq(teams.id, wanted) : eq(teams.slug, wanted));
      if (team) return team;
      throw new ValidationError('Unknown team', { team: [`There is no team "${wanted}"`] });
    }
    throw new ValidationError('Not your team', { team: ['You can only log toil for a team you are in'] });
  }
  if (own[0]) return own[0];
  throw new ValidationError('No team', {
    team: [
      hasRole(user.role, 'admin')
        ? 'Choose the team this toil belongs to'
        : 'You are not in a team yet: ask an admin to add you to one',
    ],
  });
}

interface KnownRefs {
  known: KnownValues;
  categoryId: Map<string, string>;
  serviceId: Map<string, string>;
}

/** Active categories (plus `keepCategoryId`, an entry's archived one) and every service slug. */
export async function knownToilValues(db: Executor, keepCategoryId?: string): Promise<KnownRefs> {
  const [categories, serviceRows] = await Promise.all([
    db.select().from(toilCategories).orderBy(asc(toilCategories.sortOrder)),
    db.select({ id: services.id, slug: services.slug }).from(services),
  ]);
  const usable = categories.filter((c) => !c.archived || c.id === keepCategoryId);
  return {
    known: { categories: usable, services: serviceRows.map((s) => s.slug) },
    categoryId: new Map(usable.map((c) => [c.slug, c.id])),
    serviceId: new Map(serviceRows.map((s) => [s.slug, s.id])),
  };
}

/** Validates a form/API/CSV-shaped record; errors name the field (CSV column names). */
export function parseToilRecord(record: Record<string, string>, refs: KnownRefs, now = new Date()) {
  const result = validateToilRow(record, 1, refs.known, { now });
  if (!result.ok) {
    const fieldErrors = rowFieldErrors(result.errors);
    throw new ValidationError(`Invalid ${Object.keys(fieldErrors).join(', ')}`, fieldErrors);
  }
  return result.value;
}

export function entryColumns(row: ToilRowInput, refs: KnownRefs) {
  return {
    date: row.date,
    task: row.task,
    categoryId: refs.categoryId.get(row.category) as string,
    minutes: row.minutes,
    serviceId: row.service ? (refs.serviceId.get(row.service) ?? null) : null,
    interrupt: row.interrupt,
    afterHours: row.afterHours,
    automatable: row.automatable,
    notes: row.notes,
  };
}

export async function createToilEntry(
  db: Executor,
  actor: Actor,
  owner: { userId: string; teamId: string },
  record: Record<string, string>,
  now = new Date(),
) {
  const refs = await knownToilValues(db);
  const row = parseToilRecord(record, refs, now);
  return mutate(db, actor, async ({ tx }) => {
    const [entry] = await tx
      .insert(toilEntries)
      .values({ ...entryColumns(row, refs), userId: owner.userId, teamId: owner.teamId })
      .returning();
    return {
      result: entry,
      change: { action: 'toil.entry.create', entityType: 'toil_entry', entityId: entry.id, after: entry },
    };
  });
}

/** Loads an entry the editor may change: their own, or anyone's for an admin. */
async function editableEntry(tx: Executor, editor: ToilEditor, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new NotFoundError('Toil entry');
  const [entry] = await tx.select().from(toilEntries).where(eq(toilEntries.id, id));
  if (!entry) throw new NotFoundError('Toil entry');
  if (entry.userId !== editor.id && !hasRole(editor.role, 'admin'))
    throw new ForbiddenError('You can only change your own toil entries');
  return entry;
}

/** The owner condition again in the write itself, so the check and the change cannot drift apart. */
function ownedBy(editor: ToilEditor, id: string) {
  return and(
    eq(toilEntries.id, id),
    hasRole(editor.role, 'admin') ? undefined : eq(toilEntries.userId, editor.id),
  );
}

export async function updateToilEntry(
  db: Executor,
  actor: Actor,
  editor: ToilEditor,
  id: string,
  expectedVersion: number,
  record: Record<string, string>,
  now = new Date(),
) {
  const current = await editableEntry(db, editor, id);
  const refs = await knownToilValues(db, current.categoryId);
  const row = parseToilRecord(record, refs, now);
  return mutate(db, actor, async ({ tx }) => {
    const before = await editableEntry(tx, editor, id);
    const [updated] = await tx
      .update(toilEntries)
      .set({ ...entryColumns(row, refs), version: sql`${toilEntries.version} + 1`, updatedAt: new Date() })
      .where(and(ownedBy(editor, id), eq(toilEntries.version, expectedVersion)))
      .returning();
    const entry = ensureVersion(
      updated,
      'entry',
      'This entry changed since you opened it. Reload to see the latest version.',
    );
    return {
      result: entry,
      change: { action: 'toil.entry.update', entityType: 'toil_entry', entityId: id, before, after: entry },
    };
  });
}

export async function deleteToilEntry(db: Executor, actor: Actor, editor: ToilEditor, id: string) {
  return mutate(db, actor, async ({ tx }) => {
    await editableEntry(tx, editor, id);
    const [entry] = await tx.delete(toilEntries).where(ownedBy(editor, id)).returning();
    if (!entry) throw new NotFoundError('Toil entry');
    return {
      result: entry,
      change: { action: 'toil.entry.delete', entityType: 'toil_entry', entityId: id, before: entry },
    };
  });
}
