import { and, count, eq, gt, lt } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { loginFailures } from '@/db/schema';

export interface LoginLimit {
  maxFailures: number;
  windowMinutes: number;
}

/** True when any of the keys (email, client address) saw too many failures in the window. */
export async function isLoginBlocked(db: Executor, keys: string[], limit: LoginLimit): Promise<boolean> {
  const since = new Date(Date.now() - limit.windowMinutes * 60_000);
  for (const key of keys) {
    const [{ n }] = await db
      .select({ n: count() })
      .from(loginFailures)
      .where(and(eq(loginFailures.key, key), gt(loginFailures.at, since)));
    if (n >= limit.maxFailures) return true;
  }
  return false;
}

export async function recordLoginFailure(db: Executor, keys: string[], limit: LoginLimit): Promise<void> {
  await db.insert(loginFailures).values(keys.map((key) => ({ key })));
  // Old rows are useless: prune them on the way.
  await db
    .delete(loginFailures)
    .where(lt(loginFailures.at, new Date(Date.now() - limit.windowMinutes * 60_000)));
}

export async function clearLoginFailures(db: Executor, key: string): Promise<void> {
  await db.delete(loginFailures).where(eq(loginFailures.key, key));
}
