// CSV import: all rows in one transaction, or nothing; "valid rows only" on request.
import { eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { createService } from '@/db/catalog/services';
import { createTeam } from '@/db/catalog/teams';
import { createUser } from '@/db/identity/users';
import { auditLog, toilEntries } from '@/db/schema';
import { ensureToilCategories } from '@/db/toil/categories';
import { checkToilImport, importToilCsv } from '@/db/toil/import';
import { ValidationError } from '@/lib/errors';
import { TOIL_CSV_HEADER } from '@/lib/toil/csv';
import { describeEachDriver } from '../helpers/db';
import { testActor } from '../helpers/fixtures';

const now = new Date('2024-06-15T12:00:00Z');
const good = [
  '2024-06-10,Rotate certs,certificate-rotation,45,edge-proxy,false,false,full,',
  '2024-06-11,"Restart ""stuck"" pods, again",Alert triage,1h30m,,yes,no,partial,paged at 3am',
  '2024-06-12,Grant access,access-requests,15,,,,,',
];

describeEachDriver('toil CSV import', (ctx) => {
  let owner = { userId: '', teamId: '' };
  const count = async () => {
    const [{ n }] = await ctx().db.select({ n: sql<number>`count(*)::int` }).from(toilEntries);
    return n;
  };

  it('sets up a team and a service', async () => {
    const { db } = ctx();
    await ensureToilCategories(db);
    const user = await createUser(db, testActor, {
      email: 'imp@t.io',
      name: 'Imp',
      role: 'engineer',
      password: '',
    });
    const team = await createTeam(db, testActor, {
      slug: 'importers',
      name: 'Importers',
      weeklyHoursPerMember: '40',
      memberIds: [user.id],
    });
    await createService(db, testActor, { slug: 'edge-proxy', name: 'Edge', tier: '1', ownerTeamId: team.id });
    owner = { userId: user.id, teamId: team.id };
  });

  it('previews without writing and names each bad row and column', async () => {
    const csv = [TOIL_CSV_HEADER, good[0], '2024-06-11,Fix data,data-fixes,90s,,,,,', good[2]].join('\n');
    const check = await checkToilImport(ctx().db, csv, now);
    expect(check).toMatchObject({ total: 3, valid: 2, invalidRows: 1 });
    expect(check.errors).toEqual([
      { row: 3, column: 'minutes', message: '"90s" is not a duration; use e.g. 45, 45m, 1h30m or 1.5h.' },
    ]);
    expect(await count()).toBe(0);
  });

  it('writes nothing when any row is bad, listing every error by row and column', async () => {
    const csv = [
      TOIL_CSV_HEADER,
      good[0],
      '2024-06-11,,coffee,45,,,,,',
      good[1],
      '2099-01-01,Later,scaling,10,nope-svc,,,,',
    ].join('\r\n');
    const err = await importToilCsv(ctx().db, testActor, owner, csv, { now }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).message).toBe('2 of 4 rows have errors; nothing was imported');
    expect((err as ValidationError).fieldErrors.csv).toEqual([
      'Row 3, task: Task is required.',
      'Row 3, category: Unknown category "coffee".',
      'Row 5, date: 2099-01-01 is in the future.',
      'Row 5, service: Unknown service "nope-svc".',
    ]);
    expect(await count()).toBe(0);
  });

  it('refuses a file missing required columns', async () => {
    const err = await importToilCsv(ctx().db, testActor, owner, 'date,task\n2024-06-10,x', {
      now,
      validOnly: true,
    }).catch((e: unknown) => e);
    expect((err as ValidationError).fieldErrors.csv).toEqual([
      'Row 1, category: Missing column "category".',
      'Row 1, minutes: Missing column "minutes".',
    ]);
    expect(await count()).toBe(0);
  });

  it('imports a good file in one transaction with one audit record', async () => {
    const { db } = ctx();
    const result = await importToilCsv(db, testActor, owner, [TOIL_CSV_HEADER, ...good].join('\n'), { now });
    expect(result).toMatchObject({ imported: 3, skipped: 0 });
    const rows = await db.select().from(toilEntries).orderBy(toilEntries.date);
    expect(rows.map((r) => [r.task, r.minutes, r.interrupt, r.automatable])).toEqual([
      ['Rotate certs', 45, false, 'full'],
      ['Restart "stuck" pods, again', 90, true, 'partial'],
      ['Grant access', 15, false, 'none'],
    ]);
    expect(rows.every((r) => r.userId === owner.userId && r.teamId === owner.teamId)).toBe(true);
    const audits = await db.select().from(auditLog).where(eq(auditLog.action, 'toil.entry.import'));
    expect(audits).toHaveLength(1);
  });

  it('imports only the valid rows when explicitly asked', async () => {
    const { db } = ctx();
    const before = await count();
    const csv = [TOIL_CSV_HEADER, good[2], '2024-06-12,Bad,scaling,-5,,,,,'].join('\n');
    const result = await importToilCsv(db, testActor, owner, csv, { now, validOnly: true });
    expect(result).toMatchObject({ imported: 1, skipped: 1 });
    expect(result.errors).toEqual([{ row: 3, column: 'minutes', message: 'Time spent cannot be negative.' }]);
    expect(await count()).toBe(before + 1);
  });

  it('rolls back every row when the database refuses one mid-import', async () => {
    const { db } = ctx();
    const before = await count();
    // A vanished owner passes row validation but fails the foreign key on insert.
    const ghost = { userId: '00000000-0000-0000-0000-00000000dead', teamId: owner.teamId };
    const csv = [TOIL_CSV_HEADER, ...good].join('\n');
    await expect(importToilCsv(db, testActor, ghost, csv, { now })).rejects.toThrow();
    expect(await count()).toBe(before);
  });
});
