import fs from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import * as schema from './schema';

export type Schema = typeof schema;
/** One typed database for both drivers (postgres.js and PGlite). */
export type DB = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that can run queries: the database or a transaction. */
export type Executor = DB | Tx;

export interface DbHandle {
  db: DB;
  driver: 'postgres' | 'pglite';
  close: () => Promise<void>;
  /** The raw PGlite instance (COPY and bulk loads); undefined on postgres. */
  pglite?: PGlite;
  /** The raw postgres.js client; undefined on PGlite. */
  pg?: import('postgres').Sql;
  /**
   * A separate one-connection client (postgres only) for session state such as the leader's
   * advisory lock; `onclose` runs whenever its connection closes (the session is gone). Ended
   * with the handle.
   */
  openSession?: (onclose: () => void) => import('postgres').Sql;
}

export async function openPostgres(url: string, opts: { max?: number } = {}): Promise<DbHandle> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const common = {
    onnotice: () => {},
    // An outage must fail fast (SPEC 7: 503 within 2 s): a connection attempt gives up after
    // 1.5 s, and a reconnect never waits longer than 0.25 s (postgres.js's own backoff grows
    // to 20 s while the database is down, which held queries long after it was back).
    connect_timeout: 1.5,
    backoff: (retries: number) => Math.min(0.25, 0.01 * 2 ** retries),
    // JIT compiles the many-part aggregate queries for hundreds of ms and saves nothing
    // on index lookups this small (the overview went from ~1.7 s to tens of ms without it).
    connection: { jit: 'off' },
  };
  const client = postgres(url, { ...common, max: opts.max ?? 10, idle_timeout: 60 });
  const db = drizzle(client, { schema, casing: 'snake_case' }) as unknown as DB;
  const sessions = new Set<import('postgres').Sql>();
  return {
    db,
    driver: 'postgres',
    pg: client,
    openSession: (onclose) => {
      const session = postgres(url, { ...common, max: 1, onclose: () => onclose() });
      sessions.add(session);
      return session;
    },
    close: async () => {
      await Promise.all([client.end({ timeout: 5 }), ...[...sessions].map((s) => s.end({ timeout: 5 }))]);
    },
  };
}

/** Opens PGlite in a folder ('memory://' for tests). Only one process may hold a folder. */
export async function openPglite(dataDir: string): Promise<DbHandle> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const inMemory = dataDir.startsWith('memory://');
  const release = inMemory ? () => {} : acquireFolderLock(dataDir);
  try {
    const client = await PGlite.create(inMemory ? undefined : dataDir);
    const db = drizzle(client, { schema, casing: 'snake_case' }) as unknown as DB;
    return {
      db,
      driver: 'pglite',
      pglite: client,
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}

/**
 * PGlite is single-process: two processes on one folder corrupt it. A pid lock
 * file beside the folder turns that into a clear error; a stale lock (dead pid) is taken over.
 */
function acquireFolderLock(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(path.dirname(dataDir), `${path.basename(dataDir)}.lock`);
  const holder = readLockPid(lockPath);
  if (holder && holder !== process.pid && isAlive(holder)) {
    throw new Error(
      `The embedded database folder ${dataDir} is in use by process ${holder}. ` +
        'Stop that process first (only one process may open an embedded database), ' +
        'or set DATABASE_URL to use a PostgreSQL server.',
    );
  }
  fs.writeFileSync(lockPath, String(process.pid));
  const release = () => {
    if (readLockPid(lockPath) === process.pid) fs.rmSync(lockPath, { force: true });
  };
  process.once('exit', release);
  return release;
}

function readLockPid(lockPath: string): number | null {
  try {
    const pid = Number.parseInt(fs.readFileSync(lockPath, 'utf8'), 10);
    return Number.isFinite(pid) ? pid : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** What a PGlite connection (the database or an open transaction) can do that drizzle cannot send. */
export type PgliteConnection = Pick<import('@electric-sql/pglite').Transaction, 'query'>;

/**
 * The PGlite connection behind a drizzle database or transaction, for COPY … FROM '/dev/blob'
 * (bulk loads); undefined on PostgreSQL, or if drizzle's internals ever move (callers then fall
 * back to plain SQL). Note: in memory ('memory://') a large COPY is very slow (3.9 M rows took
 * 85 s against 4 s in a folder); see pgliteInFolder.
 */
export function pgliteConnection(db: Executor): PgliteConnection | undefined {
  const client = (db as unknown as { session?: { client?: unknown } }).session?.client;
  // postgres.js clients are functions; PGlite and its transactions are objects with query/exec.
  if (!client || typeof client !== 'object') return undefined;
  const c = client as { query?: unknown; exec?: unknown };
  return typeof c.query === 'function' && typeof c.exec === 'function'
    ? (client as PgliteConnection)
    : undefined;
}

/** Whether a drizzle database (not a transaction) runs on PGlite in a folder, not in memory. */
export function pgliteInFolder(db: DB): boolean {
  const client = pgliteConnection(db) as { dataDir?: string } | undefined;
  return Boolean(client?.dataDir && !client.dataDir.startsWith('memory://'));
}
