import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { migrateDb } from '@/db/migrate';
import { queryRows } from '@/db/platform/sql';
import { describeEachDriver } from '../helpers/db';

describeEachDriver('migrations', (ctx) => {
  it('create every table from an empty database', async () => {
    const rows = await queryRows<{ table_name: string }>(
      ctx().db,
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    );
    const tables = rows.map((r) => r.table_name);
    for (const t of [
      'users',
      'teams',
      'team_members',
      'services',
      'api_tokens',
      'audit_log',
      'settings',
      'login_failures',
    ]) {
      expect(tables).toContain(t);
    }
  });

  it('are idempotent: applying them again changes nothing', async () => {
    await migrateDb(ctx());
    const [{ n }] = await queryRows<{ n: number }>(
      ctx().db,
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    );
    expect(n).toBeGreaterThan(0);
  });
});
