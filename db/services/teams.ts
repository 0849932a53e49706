import { and, asc, eq, sql } from 'drizzle-orm';
import type { Actor } from '@/lib/audit';
import {
  ConflictError,
  isForeignKeyViolation,
  isUniqueViolation,
  NotFoundError,
  ValidationError,
} from '@/lib/errors';
import { type TeamInput, teamInput } from '@/lib/validation/catalog';
import type { DB, Executor } from '../client';
import { services, teamMembers, teams, users } from '../schema';
import { recordAudit } from './audit';
import { parseOrThrow } from './parse';
import { invalidateSnapshots } from './snapshot-invalidation';

export async function listTeams(db: Executor) {
  return db
    .select({
      id: teams.id,
      slug: teams.slug,
      name: teams.name,
      description: teams.description,
      weeklyHoursPerMember: teams.weeklyHoursPerMember,
      members: sql<number>`(select count(*)::int from ${teamMembers} where ${teamMembers.teamId} = ${teams.id})`,
      services: sql<number>`(select count(*)::int from ${services} where ${services.ownerTeamId} = ${teams.id})`,
    })
    .from(teams)
    .orderBy(asc(teams.name));
}

export async function getTeamBySlug(db: Executor, slug: string) {
  const [team] = await db.select().from(teams).where(eq(teams.slug, slug));
  if (!team) return null;
  const members = await db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(eq(teamMembers.teamId, team.id))
    .orderBy(asc(users.name));
  return { ...team, members };
}

export async function createTeam(db: DB, actor: Actor, raw: unknown) {
  const input = parseOrThrow(teamInput, raw);
  return db.transaction(async (tx) => {
    const [team] = await tx
      .insert(teams)
      .values(teamValues(input))
      .returning()
      .catch((err) => rethrowSlugTaken(err, input.slug));
    await setMembers(tx, team.id, input.memberIds);
    await recordAudit(tx, actor, {
      action: 'team.create',
      entityType: 'team',
      entityId: team.id,
      after: { ...team, memberIds: input.memberIds },
    });
    return team;
  });
}

export async function updateTeam(db: DB, actor: Actor, id: string, expectedVersion: number, raw: unknown) {
  const input = parseOrThrow(teamInput, raw);
  return db.transaction(async (tx) => {
    const before = await tx.query.teams.findFirst({ where: eq(teams.id, id) });
    if (!before) throw new NotFoundError('Team');
    const [team] = await tx
      .update(teams)
      .set({ ...teamValues(input), version: sql`${teams.version} + 1`, updatedAt: new Date() })
      .where(and(eq(teams.id, id), eq(teams.version, expectedVersion)))
      .returning()
      .catch((err) => rethrowSlugTaken(err, input.slug));
    if (!team)
      throw new ConflictError(
        'Someone else changed this team since you opened it. Reload to see their changes.',
      );
    await setMembers(tx, id, input.memberIds);
    // Overview rows carry service and team names.
    await invalidateSnapshots(tx, 'all');
    await recordAudit(tx, actor, {
      action: 'team.update',
      entityType: 'team',
      entityId: id,
      before,
      after: { ...team, memberIds: input.memberIds },
    });
    return team;
  });
}

export async function deleteTeam(db: DB, actor: Actor, id: string) {
  return db.transaction(async (tx) => {
    const [team] = await tx
      .delete(teams)
      .where(eq(teams.id, id))
      .returning()
      .catch((err) => {
        if (isForeignKeyViolation(err))
          throw new ValidationError('This team still owns services: move them to another team first.');
        throw err;
      });
    if (!team) throw new NotFoundError('Team');
    await recordAudit(tx, actor, { action: 'team.delete', entityType: 'team', entityId: id, before: team });
    return team;
  });
}

function teamValues(input: TeamInput) {
  return {
    slug: input.slug,
    name: input.name,
    description: input.description,
    weeklyHoursPerMember: input.weeklyHoursPerMember,
  };
}

async function setMembers(tx: Executor, teamId: string, memberIds: string[]) {
  await tx.delete(teamMembers).where(eq(teamMembers.teamId, teamId));
  if (memberIds.length === 0) return;
  await tx
    .insert(teamMembers)
    .values([...new Set(memberIds)].map((userId) => ({ teamId, userId })))
    .catch((err) => {
      if (isForeignKeyViolation(err))
        throw new ValidationError('Unknown member', { memberIds: ['One of the members no longer exists'] });
      throw err;
    });
}

function rethrowSlugTaken(err: unknown, slug: string): never {
  if (isUniqueViolation(err))
    throw new ValidationError('Slug taken', { slug: [`"${slug}" is already used by another team`] });
  throw err;
}
