import { sql } from 'drizzle-orm';
import { env, pgliteDir } from '@/lib/env';
import { type DB, type DbHandle, openPglite, openPostgres } from './client';

export type { DB, Executor, Tx } from './client';

// The opened database is cached on globalThis so dev reloads and route bundles
// share one connection pool / one PGlite instance. A failed open is not cached.
const globalForDb = globalThis as unknown as {
  __sreDb?: Promise<DbHandle>;
  __sreDbWatchers?: ((h: DbHandle) => unknown)[];
};

const watchers = () => {
  globalForDb.__sreDbWatchers ??= [];
  return globalForDb.__sreDbWatchers;
};

function announce(h: DbHandle) {
  for (const fn of watchers()) {
    Promise.resolve()
      .then(() => fn(h))
      .catch((err) => console.error('database watcher failed', err));
  }
}

/**
 * Runs `fn` with the current database handle and with every handle that replaces it (the
 * fresh pool after an outage), e.g. to LISTEN on it. Failures are logged; call it once per process.
 */
export function onDbHandle(fn: (h: DbHandle) => unknown): void {
  watchers().push(fn);
  globalForDb.__sreDb?.then(
    (h) => Promise.resolve(fn(h)).catch((err) => console.error('database watcher failed', err)),
    () => {},
  );
}

export function openDefaultDb(): Promise<DbHandle> {
  const url = env().DATABASE_URL;
  return url ? openPostgres(url) : openPglite(pgliteDir());
}

export function getDbHandle(): Promise<DbHandle> {
  if (!globalForDb.__sreDb) {
    const opening = openDefaultDb();
    globalForDb.__sreDb = opening;
    opening.then(announce, () => {});
    opening.catch(() => {
      if (globalForDb.__sreDb === opening) globalForDb.__sreDb = undefined;
    });
  }
  return globalForDb.__sreDb;
}

export async function getDb(): Promise<DB> {
  return (await getDbHandle()).db;
}

/**
 * The outage circuit's probe (instrumentation.ts): resolves once the database answers, on a
 * fresh connection pool that then replaces the cached one (PostgreSQL; PGlite just answers).
 * The pool that lived through the outage is ended, not reused: postgres.js can leave its
 * connections broken by a restart (a transaction's rollback written to a dead socket makes
 * every later connect on that slot time out; a connection hands its shutdown error to the
 * first query after reconnecting), which failed requests for many seconds after recovery.
 */
export async function renewDbHandle(): Promise<void> {
  const current = await globalForDb.__sreDb?.catch(() => undefined);
  if (current?.driver !== 'postgres') {
    await (await getDbHandle()).db.execute(sql`select 1`);
    return;
  }
  const fresh = await openDefaultDb();
  try {
    await fresh.db.execute(sql`select 1`);
  } catch (err) {
    await fresh.close().catch(() => {});
    throw err;
  }
  globalForDb.__sreDb = Promise.resolve(fresh);
  announce(fresh);
  // Anything still running on the old pool gets a few seconds, then its connections close.
  current.close().catch(() => {});
}
