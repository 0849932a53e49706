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
}

export async function openPostgres(url: string, opts: { max?: number } = {}): Promise<DbHandle> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const client = postgres(url, {
    max: opts.max ?? 10,
    onnotice: () => {},
    connect_timeout: 2,
    idle_timeout: 60,
    // JIT compiles the many-part aggregate queries for hundreds of ms and saves nothing
    // on index lookups this small (the overview went from ~1.7 s to tens of ms without it).
    connection: { jit: 'off' },
  });
  const db = drizzle(client, { schema, casing: 'snake_case' }) as unknown as DB;
  return { db, driver: 'postgres', pg: client, close: () => client.end({ timeout: 5 }) };
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
