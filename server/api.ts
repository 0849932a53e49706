import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import type { DB } from '@/db/client';
import { authenticateToken } from '@/db/identity/tokens';
import type { Actor } from '@/lib/audit';
import type { Role, TokenScope } from '@/lib/auth/roles';
import { DomainError, ValidationError } from '@/lib/errors';
import { actorOf, requireUser, type SessionUser } from '@/server/guard';

export function jsonError(status: number, message: string, extra: Record<string, unknown> = {}) {
  return NextResponse.json({ error: message, ...extra }, { status });
}

interface ApiContext {
  db: DB;
  actor: Actor;
  tokenId: string;
}

/**
 * Route-handler guard for the machine API: `Authorization: Bearer <token>` with
 * the scope the route needs; domain errors become 4xx JSON, never a 500.
 */
export async function withToken(
  req: Request,
  scope: TokenScope,
  handler: (ctx: ApiContext) => Promise<Response>,
): Promise<Response> {
  const header = req.headers.get('authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) {
    return jsonError(401, 'Missing bearer token: send "Authorization: Bearer <token>"', {});
  }
  try {
    const db = await getDb();
    const check = await authenticateToken(db, match[1], scope);
    if (!check.ok) return jsonError(check.status, check.message);
    return await handler({
      db,
      actor: { type: 'token', id: check.token.id, label: `token:${check.token.name}` },
      tokenId: check.token.id,
    });
  } catch (err) {
    return errorResponse(err);
  }
}

/**
 * Route-handler guard for the session-authenticated JSON and download routes the UI calls:
 * the signed-in user with at least `role`; errors become 4xx JSON, never a 500.
 */
export async function withSession(
  role: Role,
  handler: (ctx: { db: DB; actor: Actor; user: SessionUser }) => Promise<Response>,
): Promise<Response> {
  try {
    const user = await requireUser(role);
    return await handler({ db: await getDb(), actor: actorOf(user), user });
  } catch (err) {
    return errorResponse(err);
  }
}

/**
 * Readable both ways: with `Authorization: Bearer` it is the machine API (scope `read`), without
 * it the signed-in user's session (download buttons in the UI).
 */
export async function withReader(
  req: Request,
  handler: (ctx: { db: DB; actor: Actor }) => Promise<Response>,
): Promise<Response> {
  if (req.headers.has('authorization')) return withToken(req, 'read', handler);
  return withSession('viewer', handler);
}

export function errorResponse(err: unknown): Response {
  if (err instanceof ValidationError) return jsonError(400, err.message, { fieldErrors: err.fieldErrors });
  if (err instanceof DomainError) return jsonError(err.status, err.message);
  if (isConnectionError(err)) return jsonError(503, 'Database unavailable, retry shortly');
  console.error('route handler failed', err);
  return jsonError(500, 'Internal error');
}

export function isConnectionError(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  const code = e?.code ?? e?.cause?.code ?? '';
  return [
    'ECONNREFUSED',
    'ECONNRESET',
    'CONNECTION_CLOSED',
    'CONNECTION_ENDED',
    'CONNECT_TIMEOUT',
    '57P01',
    '57P03',
  ].includes(code);
}
