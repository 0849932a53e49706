import { eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { parseOrThrow } from '@/db/platform/parse';
import { users } from '@/db/schema';
import type { Actor } from '@/lib/audit';
import { hasRole } from '@/lib/auth/roles';
import { ValidationError } from '@/lib/errors';
import { validateToilRow } from '@/lib/toil/csv';
import { apiRecord, rowFieldErrors, toilApiInput } from '@/lib/validation/toil';
import { createToilEntry, knownToilValues, resolveToilTeam } from './entries';

const apiField = (column: string) => (column === 'after_hours' ? 'afterHours' : column);

/**
 * POST /api/v1/toil: a bot or chat-op logs toil for a person (by email), on
 * their team or a named one. Same checks as the form; errors name the field.
 */
export async function logToilFromApi(db: Executor, actor: Actor, raw: unknown, now = new Date()) {
  const input = parseOrThrow(toilApiInput, raw);
  const [user] = await db
    .select({ id: users.id, email: users.email, role: users.role, disabled: users.disabled })
    .from(users)
    .where(eq(users.email, input.user));
  if (!user || user.disabled)
    throw new ValidationError('Unknown user', { user: [`No active user with the email ${input.user}`] });
  if (!hasRole(user.role, 'engineer'))
    throw new ValidationError('Read-only user', {
      user: [`${input.user} is a ${user.role}; only engineers and admins log toil`],
    });
  const team = await resolveToilTeam(db, user, input.team);
  const record = apiRecord(input, now.toISOString().slice(0, 10));
  // Validate here first so the field names match the API's (afterHours, not after_hours).
  const checked = validateToilRow(record, 1, (await knownToilValues(db)).known, { now });
  if (!checked.ok) {
    const fieldErrors = rowFieldErrors(checked.errors, apiField);
    throw new ValidationError(`Invalid ${Object.keys(fieldErrors).join(', ')}`, fieldErrors);
  }
  const entry = await createToilEntry(db, actor, { userId: user.id, teamId: team.id }, record, now);
  return {
    id: entry.id,
    user: user.email,
    team: team.slug,
    date: entry.date,
    task: entry.task,
    category: checked.value.category,
    minutes: entry.minutes,
    service: checked.value.service,
    interrupt: entry.interrupt,
    afterHours: entry.afterHours,
    automatable: entry.automatable,
    notes: entry.notes,
  };
}
