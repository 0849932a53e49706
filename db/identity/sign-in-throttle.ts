import { and, count, eq, gt, max } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { loginFailures } from '@/db/schema';
import { accountDelaySeconds } from '@/lib/auth/sign-in-delay';
import { isLoginBlocked, type LoginLimit } from './login-limit';

/**
 * Seconds the attempt must wait, or 0: the client address is limited as before
 * (it only hurts the address that failed), the account only slowed down.
 */
export async function signInWait(
  db: Executor,
  email: string,
  address: string,
  limit: LoginLimit,
): Promise<number> {
  if (await isLoginBlocked(db, [`ip:${address}`], limit)) return limit.windowMinutes * 60;
  const since = new Date(Date.now() - limit.windowMinutes * 60_000);
  const [row] = await db
    .select({ n: count(), last: max(loginFailures.at) })
    .from(loginFailures)
    .where(and(eq(loginFailures.key, `email:${email}`), gt(loginFailures.at, since)));
  return accountDelaySeconds(Number(row?.n ?? 0), row?.last ? new Date(row.last) : null, limit.maxFailures);
}
