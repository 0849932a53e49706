import type { SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';

/** Runs raw SQL and returns its rows on either driver (postgres.js gives an array, PGlite `{ rows }`). */
export async function queryRows<T extends Record<string, unknown>>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
