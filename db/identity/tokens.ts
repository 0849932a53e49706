import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { mutate } from '@/db/platform/mutation';
import { parseOrThrow } from '@/db/platform/parse';
import { queryRows } from '@/db/platform/sql';
import { apiTokens, users } from '@/db/schema';
import type { Actor } from '@/lib/audit';
import type { TokenScope } from '@/lib/auth/roles';
import { generateToken, hashToken } from '@/lib/auth/token-hash';
import { NotFoundError } from '@/lib/errors';
import { tokenInput } from '@/lib/validation/catalog';

export async function listTokens(db: Executor) {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      scopes: apiTokens.scopes,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
      createdByName: users.name,
    })
    .from(apiTokens)
    .leftJoin(users, eq(users.id, apiTokens.createdBy))
    .orderBy(desc(apiTokens.createdAt));
}

/** Creates a token and returns its secret — the only time it is ever available. */
export async function createToken(db: Executor, actor: Actor, raw: unknown) {
  const input = parseOrThrow(tokenInput, raw);
  const { token, hash, prefix } = generateToken();
  const row = await mutate(db, actor, async ({ tx }) => {
    const [created] = await tx
      .insert(apiTokens)
      .values({
        name: input.name,
        tokenHash: hash,
        prefix,
        scopes: input.scopes,
        createdBy: actor.type === 'user' ? actor.id : null,
      })
      .returning({
        id: apiTokens.id,
        name: apiTokens.name,
        prefix: apiTokens.prefix,
        scopes: apiTokens.scopes,
      });
    return {
      result: created,
      change: { action: 'token.create', entityType: 'token', entityId: created.id, after: created },
    };
  });
  return { ...row, token };
}

export async function revokeToken(db: Executor, actor: Actor, id: string) {
  return mutate(db, actor, async ({ tx }) => {
    const [token] = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
      .returning({
        id: apiTokens.id,
        name: apiTokens.name,
        prefix: apiTokens.prefix,
        revokedAt: apiTokens.revokedAt,
      });
    if (!token) throw new NotFoundError('Active token');
    return {
      result: token,
      change: { action: 'token.revoke', entityType: 'token', entityId: id, after: token },
    };
  });
}

export type TokenCheck =
  | { ok: true; token: { id: string; name: string; scopes: TokenScope[] } }
  | { ok: false; status: 401 | 403; message: string };

/** Verifies a bearer token and its scope, and stamps its last use. */
export async function authenticateToken(
  db: Executor,
  secret: string,
  scope: TokenScope,
): Promise<TokenCheck> {
  // Plain SQL on the hot path of every API call (the query builder cost more than the query).
  const [row] = await queryRows<{
    id: string;
    name: string;
    scopes: TokenScope[];
    last_used_at: string | Date | null;
    revoked_at: string | Date | null;
  }>(
    db,
    sql`select id::text, name, scopes, last_used_at, revoked_at from api_tokens where token_hash = ${hashToken(secret)}`,
  );
  if (!row || row.revoked_at) return { ok: false, status: 401, message: 'Invalid or revoked API token' };
  const scopes = row.scopes;
  if (!scopes.includes(scope)) {
    return {
      ok: false,
      status: 403,
      message: `This token lacks the "${scope}" scope (it has: ${scopes.join(', ')})`,
    };
  }
  // Stamp at most once a minute so a busy ingester does not write on every request.
  if (!row.last_used_at || Date.now() - new Date(row.last_used_at).getTime() > 60_000) {
    await db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, row.id));
  }
  return { ok: true, token: { id: row.id, name: row.name, scopes } };
}
