import { asc, count, eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { mutate } from '@/db/platform/mutation';
import { parseOrThrow } from '@/db/platform/parse';
import { users } from '@/db/schema';
import type { Actor } from '@/lib/audit';
import { generatePassword, hashPassword } from '@/lib/auth/password';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { userInput } from '@/lib/validation/catalog';

const publicColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  disabled: users.disabled,
  createdAt: users.createdAt,
  lastLoginAt: users.lastLoginAt,
};

export async function listUsers(db: Executor) {
  return db.select(publicColumns).from(users).orderBy(asc(users.name));
}

export async function getUser(db: Executor, id: string) {
  const [user] = await db.select(publicColumns).from(users).where(eq(users.id, id));
  return user ?? null;
}

const emailTaken = {
  field: 'email',
  message: 'A user with this email already exists',
  summary: 'Email taken',
};

export async function createUser(db: Executor, actor: Actor, raw: unknown) {
  const input = parseOrThrow(userInput, raw);
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return mutate(
    db,
    actor,
    async ({ tx }) => {
      const [user] = await tx
        .insert(users)
        .values({ email: input.email, name: input.name, role: input.role, passwordHash })
        .returning(publicColumns);
      return {
        result: user,
        change: { action: 'user.create', entityType: 'user', entityId: user.id, after: user },
      };
    },
    { unique: emailTaken },
  );
}

export async function updateUser(db: Executor, actor: Actor, id: string, raw: unknown) {
  const input = parseOrThrow(userInput, raw);
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  return mutate(
    db,
    actor,
    async ({ tx }) => {
      const before = await getUser(tx, id);
      if (!before) throw new NotFoundError('User');
      if (actor.type === 'user' && actor.id === id && input.role !== 'admin') {
        throw new ValidationError('You cannot remove your own admin role', {
          role: ['You cannot remove your own admin role'],
        });
      }
      const [user] = await tx
        .update(users)
        .set({
          email: input.email,
          name: input.name,
          role: input.role,
          ...(passwordHash ? { passwordHash } : {}),
        })
        .where(eq(users.id, id))
        .returning(publicColumns);
      const after = { ...user, passwordChanged: Boolean(passwordHash) };
      return {
        result: user,
        change: { action: 'user.update', entityType: 'user', entityId: id, before, after },
      };
    },
    { unique: emailTaken },
  );
}

export async function setUserDisabled(db: Executor, actor: Actor, id: string, disabled: boolean) {
  if (actor.type === 'user' && actor.id === id) throw new ValidationError('You cannot disable yourself');
  return mutate(db, actor, async ({ tx }) => {
    const before = await getUser(tx, id);
    if (!before) throw new NotFoundError('User');
    const [user] = await tx.update(users).set({ disabled }).where(eq(users.id, id)).returning(publicColumns);
    const action = disabled ? 'user.disable' : 'user.enable';
    return { result: user, change: { action, entityType: 'user', entityId: id, before, after: user } };
  });
}

/**
 * First start: with no admin in the database, create one from ADMIN_EMAIL /
 * ADMIN_PASSWORD, or with a random password that the caller prints once.
 */
export async function ensureAdmin(
  db: Executor,
  email: string,
  password?: string,
): Promise<{ created: boolean; password?: string }> {
  const [{ admins }] = await db.select({ admins: count() }).from(users).where(eq(users.role, 'admin'));
  if (admins > 0) return { created: false };
  const chosen = password ?? generatePassword();
  const passwordHash = await hashPassword(chosen);
  await mutate(db, { type: 'system', label: 'bootstrap' }, async ({ tx }) => {
    const [user] = await tx
      .insert(users)
      .values({ email, name: 'Administrator', role: 'admin', passwordHash })
      .onConflictDoUpdate({ target: users.email, set: { role: 'admin', passwordHash, disabled: false } })
      .returning(publicColumns);
    return {
      result: user,
      change: { action: 'user.bootstrap-admin', entityType: 'user', entityId: user.id, after: user },
    };
  });
  return { created: true, password: password ? undefined : chosen };
}
