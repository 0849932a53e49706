import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import type { DB } from '@/db/client';
import { authenticateToken } from '@/db/identity/tokens';
import { assertDatabaseAvailable, recordDatabaseFailure } from '@/db/platform/circuit';
import type { Actor } from '@/lib/audit';
import type { Role, TokenScope } from '@/lib/auth/roles';
import { isConnectionError, isDataError, isTimeoutError } from '@/lib/db-errors';
import { DomainError, ValidationError } from '@/lib/errors';
import { UNAVAILABLE_MESSAGE } from '@/lib/http/unavailable.mjs';
import { urlProblem } from '@/lib/http/url-check';
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
  const problem = urlProblem(req.url);
  if (problem)
    return jsonError(400, `Invalid ${problem.field}: ${problem.message}`, {
      fieldErrors: { [problem.field]: [problem.message] },
    });
  try {
    assertDatabaseAvailable();
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
    assertDatabaseAvailable();
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
  // Before DomainError: the circuit's own 503 is one too, and gets the same answer.
  if (isConnectionError(err) || isTimeoutError(err)) {
    recordDatabaseFailure();
    return NextResponse.json(
      { error: UNAVAILABLE_MESSAGE },
      { status: 503, headers: { 'Retry-After': '2', 'Cache-Control': 'no-store' } },
    );
  }
  if (err instanceof DomainError) return jsonError(err.status, err.message);
  // The database refused a value as data (bad encoding, out of range): the client's input.
  console.error('route handler failed', err);
  if (isDataError(err)) return jsonError(400, 'A value in the request is not acceptable (encoding or range)');
  return jsonError(500, 'Internal error');
}

export { isConnectionError };
