import { env, pgliteDir } from '@/lib/env';
import { type DB, type DbHandle, openPglite, openPostgres } from './client';

export type { DB, Executor, Tx } from './client';

// The opened database is cached on globalThis so dev reloads and route bundles
// share one connection pool / one PGlite instance. A failed open is not cached.
const globalForDb = globalThis as unknown as { __sreDb?: Promise<DbHandle> };

export function openDefaultDb(): Promise<DbHandle> {
  const url = env().DATABASE_URL;
  return url ? openPostgres(url) : openPglite(pgliteDir());
}

export function getDbHandle(): Promise<DbHandle> {
  if (!globalForDb.__sreDb) {
    const opening = openDefaultDb();
    globalForDb.__sreDb = opening;
    opening.catch(() => {
      if (globalForDb.__sreDb === opening) globalForDb.__sreDb = undefined;
    });
  }
  return globalForDb.__sreDb;
}

export async function getDb(): Promise<DB> {
  return (await getDbHandle()).db;
}
