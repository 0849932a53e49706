import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { authenticateToken, createToken, listTokens, revokeToken } from '@/db/identity/tokens';
import { apiTokens, auditLog } from '@/db/schema';
import { hashToken } from '@/lib/auth/token-hash';
import { ValidationError } from '@/lib/errors';
import { describeEachDriver } from '../helpers/db';

const actor = { type: 'system', label: 'test' } as const;

describeEachDriver('API tokens', (ctx) => {
  it('stores only the hash of the secret, which is returned once', async () => {
    const { db } = ctx();
    const created = await createToken(db, actor, { name: 'ci', scopes: ['read', 'sli:write'] });
    expect(created.token).toMatch(/^srep_[A-Za-z0-9_-]{32}$/);
    const [row] = await db.select().from(apiTokens).where(eq(apiTokens.id, created.id));
    expect(row.tokenHash).toBe(hashToken(created.token));
    expect(row.tokenHash).not.toContain(created.token);
    expect(JSON.stringify(await listTokens(db))).not.toContain(created.token);
    const audit = await db.select().from(auditLog).where(eq(auditLog.entityId, created.id));
    expect(JSON.stringify(audit)).not.toContain(created.token);
  });

  it('checks the scope: 401 for unknown, 403 for a missing scope, ok with the scope', async () => {
    const { db } = ctx();
    const { token } = await createToken(db, actor, { name: 'reader', scopes: ['read'] });
    expect(await authenticateToken(db, 'srep_not-a-real-token', 'read')).toMatchObject({
      ok: false,
      status: 401,
    });
    expect(await authenticateToken(db, token, 'sli:write')).toMatchObject({ ok: false, status: 403 });
    const ok = await authenticateToken(db, token, 'read');
    expect(ok).toMatchObject({ ok: true, token: { name: 'reader', scopes: ['read'] } });
    const [row] = await db
      .select()
      .from(apiTokens)
      .where(eq(apiTokens.tokenHash, hashToken(token)));
    expect(row.lastUsedAt).not.toBeNull();
  });

  it('refuses a revoked token', async () => {
    const { db } = ctx();
    const created = await createToken(db, actor, { name: 'temp', scopes: ['toil:write'] });
    expect((await authenticateToken(db, created.token, 'toil:write')).ok).toBe(true);
    await revokeToken(db, actor, created.id);
    expect(await authenticateToken(db, created.token, 'toil:write')).toMatchObject({
      ok: false,
      status: 401,
    });
    await expect(revokeToken(db, actor, created.id)).rejects.toThrow(/not found/);
  });

  it('validates name and scopes', async () => {
    const { db } = ctx();
    await expect(createToken(db, actor, { name: '', scopes: [] })).rejects.toBeInstanceOf(ValidationError);
    await expect(createToken(db, actor, { name: 'x', scopes: ['root'] })).rejects.toBeInstanceOf(
      ValidationError,
    );
  });
});
