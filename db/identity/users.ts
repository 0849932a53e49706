import { asc, count, eq } from 'drizzle-orm';
import type { DB, Executor } from '@/db/client';
import { recordAudit } from '@/db/platform/audit';
import { parseOrThrow } from '@/db/platform/parse';
import { users } from '@/db/schema';
import type { Actor } from '@/lib/audit';
import { generatePassword, hashPassword } from '@/lib/auth/password';
import { isUniqueViolation, NotFoundError, ValidationError } from '@/lib/errors';
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

export async function createUser(db: DB, actor: Actor, raw: unknown) {
  const input = parseOrThrow(userInput, raw);
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({ email: input.email, name: input.name, role: input.role, passwordHash })
      .returning(publicColumns)
      .catch((err) => {
        if (isUniqueViolation(err))
          throw new ValidationError('Email taken', { email: ['A user with this email already exists'] });
        throw err;
      });
    await recordAudit(tx, actor, {
      action: 'user.create',
      entityType: 'user',
      entityId: user.id,
      after: user,
    });
    return user;
  });
}

export async function updateUser(db: DB, actor: Actor, id: string, raw: unknown) {
  const input = parseOrThrow(userInput, raw);
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  return db.transaction(async (tx) => {
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
      .returning(publicColumns)
      .catch((err) => {
        if (isUniqueViolation(err))
          throw new ValidationError('Email taken', { email: ['A user with this email already exists'] });
        throw err;
      });
    await recordAudit(tx, actor, {
      action: 'user.update',
      entityType: 'user',
      entityId: id,
      before,
      after: { ...user, passwordChanged: Boolean(passwordHash) },
    });
    return user;
  });
}

export async function setUserDisabled(db: DB, actor: Actor, id: string, disabled: boolean) {
  if (actor.type === 'user' && actor.id === id) throw new ValidationError('You cannot disable yourself');
  return db.transaction(async (tx) => {
    const before = await getUser(tx, id);
    if (!before) throw new NotFoundError('User');
    const [user] = await tx.update(users).set({ disabled }).where(eq(users.id, id)).returning(publicColumns);
    await recordAudit(tx, actor, {
      action: disabled ? 'user.disable' : 'user.enable',
      entityType: 'user',
      entityId: id,
      before,
      after: user,
    });
    return user;
  });
}

/**
 * First start: with no admin in the database, create one from ADMIN_EMAIL /
 * ADMIN_PASSWORD, or with a random password that the caller prints once.
 */
export async function ensureAdmin(
  db: DB,
  email: string,
  password?: string,
): Promise<{ created: boolean; password?: string }> {
  const [{ admins }] = await db.select({ admins: count() }).from(users).where(eq(users.role, 'admin'));
  if (admins > 0) return { created: false };
  const chosen = password ?? generatePassword();
  const passwordHash = await hashPassword(chosen);
  await db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({ email, name: 'Administrator', role: 'admin', passwordHash })
      .onConflictDoUpdate({ target: users.email, set: { role: 'admin', passwordHash, disabled: false } })
      .returning(publicColumns);
    await recordAudit(
      tx,
      { type: 'system', label: 'bootstrap' },
      { action: 'user.bootstrap-admin', entityType: 'user', entityId: user.id, after: user },
    );
  });
  return { created: true, password: password ? undefined : chosen };
}
