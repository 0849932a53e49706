import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { ensureVersion, mutate } from '@/db/platform/mutation';
import { parseOrThrow } from '@/db/platform/parse';
import { services, teamMembers, teams, users } from '@/db/schema';
import type { Actor } from '@/lib/audit';
import { isForeignKeyViolation, NotFoundError, ValidationError } from '@/lib/errors';
import { type TeamInput, teamInput } from '@/lib/validation/catalog';

export async function listTeams(db: Executor) {
  // Counted in grouped subqueries joined on the team: a correlated `(select … where owner = ${'$'}{teams.id})`
  // renders the outer column unqualified, so it compared services.id with itself and every team showed 0.
  const memberCounts = db
    .select({ teamId: teamMembers.teamId, n: count().as('member_count') })
    .from(teamMembers)
    .groupBy(teamMembers.teamId)
    .as('member_counts');
  const serviceCounts = db
    .select({ teamId: services.ownerTeamId, n: count().as('service_count') })
    .from(services)
    .groupBy(services.ownerTeamId)
    .as('service_counts');
  return db
    .select({
      id: teams.id,
      slug: teams.slug,
      name: teams.name,
      description: teams.description,
      weeklyHoursPerMember: teams.weeklyHoursPerMember,
      members: sql<number>`coalesce(${memberCounts.n}, 0)::int`,
      services: sql<number>`coalesce(${serviceCounts.n}, 0)::int`,
    })
    .from(teams)
    .leftJoin(memberCounts, eq(memberCounts.teamId, teams.id))
    .leftJoin(serviceCounts, eq(serviceCounts.teamId, teams.id))
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

const slugTaken = (slug: string) => ({
  field: 'slug',
  message: `"${slug}" is already used by another team`,
  summary: 'Slug taken',
});

export async function createTeam(db: Executor, actor: Actor, raw: unknown) {
  const input = parseOrThrow(teamInput, raw);
  return mutate(
    db,
    actor,
    async ({ tx }) => {
      const [team] = await tx.insert(teams).values(teamValues(input)).returning();
      await setMembers(tx, team.id, input.memberIds);
      const change = { action: 'team.create', entityType: 'team', entityId: team.id };
      return { result: team, change: { ...change, after: { ...team, memberIds: input.memberIds } } };
    },
    { unique: slugTaken(input.slug) },
  );
}

export async function updateTeam(
  db: Executor,
  actor: Actor,
  id: string,
  expectedVersion: number,
  raw: unknown,
) {
  const input = parseOrThrow(teamInput, raw);
  return mutate(
    db,
    actor,
    async ({ tx }) => {
      const before = await tx.query.teams.findFirst({ where: eq(teams.id, id) });
      if (!before) throw new NotFoundError('Team');
      const [updated] = await tx
        .update(teams)
        .set({ ...teamValues(input), version: sql`${teams.version} + 1`, updatedAt: new Date() })
        .where(and(eq(teams.id, id), eq(teams.version, expectedVersion)))
        .returning();
      const team = ensureVersion(updated, 'team');
      await setMembers(tx, id, input.memberIds);
      const after = { ...team, memberIds: input.memberIds };
      return {
        result: team,
        change: { action: 'team.update', entityType: 'team', entityId: id, before, after },
      };
    },
    { unique: slugTaken(input.slug) },
  );
}

export async function deleteTeam(db: Executor, actor: Actor, id: string) {
  return mutate(
    db,
    actor,
    async ({ tx }) => {
      const [team] = await tx.delete(teams).where(eq(teams.id, id)).returning();
      if (!team) throw new NotFoundError('Team');
      return {
        result: team,
        change: { action: 'team.delete', entityType: 'team', entityId: id, before: team },
      };
    },
    { foreignKey: { message: 'This team still owns services: move them to another team first.' } },
  );
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
