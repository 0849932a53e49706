import { eq } from 'drizzle-orm';
import { forbidden, redirect } from 'next/navigation';
import { getServerSession } from 'next-auth';
import { cache } from 'react';
import { getDb } from '@/db';
import type { DB } from '@/db/client';
import { users } from '@/db/schema';
import type { Actor } from '@/lib/audit';
import { hasRole, type Role } from '@/lib/auth/roles';
import { ForbiddenError, UnauthorizedError } from '@/lib/errors';
import { authOptions } from './auth-options';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/**
 * The signed-in user, loaded from the database on every request (once per
 * render): a role change or a disabled account takes effect at once.
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions());
  const id = (session?.user as { id?: string } | undefined)?.id;
  if (!id) return null;
  const db = await getDb();
  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      disabled: users.disabled,
    })
    .from(users)
    .where(eq(users.id, id));
  if (!user || user.disabled) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
});

/** For pages: redirects to sign-in, or answers 403 with the forbidden page (inside the shell) when the role is too low. */
export async function requirePageUser(role: Role = 'viewer'): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect('/login');
  if (!hasRole(user.role, role)) forbidden();
  return user;
}

/** What a page that reads data is handed: the database, the signed-in user and the audited actor. */
export interface PageContext {
  db: DB;
  user: SessionUser;
  actor: Actor;
}

/** For pages that read data: `requirePageUser(role)` (same redirects), then the database. */
export async function pageContext(role: Role = 'viewer'): Promise<PageContext> {
  const user = await requirePageUser(role);
  return { db: await getDb(), user, actor: actorOf(user) };
}

/** For server actions and route handlers: throws typed errors the caller maps to a response. */
export async function requireUser(role: Role = 'viewer'): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) throw new UnauthorizedError();
  if (!hasRole(user.role, role))
    throw new ForbiddenError(`This needs the ${role} role; you are a ${user.role}.`);
  return user;
}

export function actorOf(user: SessionUser): Actor {
  return { type: 'user', id: user.id, label: user.email };
}
