import { sql } from 'drizzle-orm';
import { forbidden, redirect } from 'next/navigation';
import { getServerSession } from 'next-auth';
import { cache } from 'react';
import { getDb } from '@/db';
import type { DB } from '@/db/client';
import {
  assertDatabaseAvailable,
  DatabaseUnavailableError,
  recordDatabaseFailure,
} from '@/db/platform/circuit';
import { queryRows } from '@/db/platform/sql';
import type { Actor } from '@/lib/audit';
import { hasRole, type Role } from '@/lib/auth/roles';
import { isConnectionError, isTimeoutError } from '@/lib/db-errors';
import { ForbiddenError, UnauthorizedError } from '@/lib/errors';
import { authOptions } from './auth-options';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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
  if (!id || !UUID.test(id)) return null;
  assertDatabaseAvailable();
  const db = await getDb();
  // Plain SQL: this runs on every signed-in request.
  const [user] = await queryRows<{
    id: string;
    email: string;
    name: string;
    role: Role;
    disabled: boolean;
    session_version: number;
  }>(
    db,
    sql`select id::text, email, name, role, disabled, session_version from users where id = ${id}`,
  ).catch((err) => {
    // Usually the first query of a request: the one that discovers an outage opens the
    // circuit and fails as a typed 503 (pages: scripts/server.mjs answers the 503 page).
    if (isConnectionError(err) || isTimeoutError(err)) {
      recordDatabaseFailure();
      console.error('database unavailable', err);
      throw new DatabaseUnavailableError();
    }
    throw err;
  });
  if (!user || user.disabled) return null;
  // Signing out bumps the version: a session cookie replayed after that is dead (SPEC 7).
  if (Number((session as { sv?: unknown }).sv ?? 0) !== Number(user.session_version)) return null;
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
