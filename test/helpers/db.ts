import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe } from 'vitest';
import { type DbHandle, openPglite, openPostgres } from '@/db/client';
import { migrateDb } from '@/db/migrate';

export type Driver = 'pglite' | 'postgres';

const pgUrl = process.env.TEST_DATABASE_URL;
if (!pgUrl && process.env.CI === 'true') {
  throw new Error('TEST_DATABASE_URL must be set under CI: integration tests run on real PostgreSQL too.');
}
if (!pgUrl) {
  console.warn('\n⚠  TEST_DATABASE_URL is not set: integration tests run on PGlite only.\n');
}

export const DRIVERS: Driver[] = pgUrl ? ['pglite', 'postgres'] : ['pglite'];

/** Opens a fresh, migrated database: PGlite in memory, or a new database on the PostgreSQL server. */
export async function freshDatabase(driver: Driver): Promise<DbHandle & { drop: () => Promise<void> }> {
  if (driver === 'pglite') {
    const handle = await openPglite('memory://');
    await migrateDb(handle);
    return { ...handle, drop: handle.close };
  }
  const { default: postgres } = await import('postgres');
  const admin = postgres(pgUrl as string, { max: 1, onnotice: () => {} });
  const name = `sre_it_${randomBytes(6).toString('hex')}`;
  await admin.unsafe(`create database ${name}`);
  const url = new URL(pgUrl as string);
  url.pathname = `/${name}`;
  const handle = await openPostgres(url.toString(), { max: 8 });
  await migrateDb(handle);
  return {
    ...handle,
    drop: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** Runs the same suite on every available driver, each with its own fresh database. */
export function describeEachDriver(name: string, suite: (ctx: () => DbHandle, driver: Driver) => void) {
  for (const driver of DRIVERS) {
    describe(`${name} [${driver}]`, () => {
      let handle: (DbHandle & { drop: () => Promise<void> }) | undefined;
      beforeAll(async () => {
        handle = await freshDatabase(driver);
      });
      afterAll(async () => {
        await handle?.drop();
      });
      suite(() => {
        if (!handle) throw new Error('database not ready');
        return handle;
      }, driver);
    });
  }
}
