import { NextResponse } from 'next/server';
import { visibleTeamIds } from '@/db/toil/entries';
import { type EntryFilter, listEntries } from '@/db/toil/entry-list';
import { TOIL_CSV_COLUMNS, toCsv, toilCsvValues } from '@/lib/toil/csv';
import { isCalendarDate } from '@/lib/toil/periods';
import { jsonError, withSession } from '@/server/api';

export const dynamic = 'force-dynamic';

/**
 * The entries of the current filter as CSV (the import's columns, plus team and
 * user, so a file re-imports unchanged) or JSON. Engineers export their teams'
 * entries, admins everyone's.
 */
export async function GET(req: Request) {
  return withSession('engineer', async ({ db, user }) => {
    const params = new URL(req.url).searchParams;
    const format = params.get('format') ?? 'csv';
    if (format !== 'csv' && format !== 'json') return jsonError(400, 'format must be csv or json');
    const date = (name: string) => {
      const value = params.get(name) ?? '';
      return isCalendarDate(value) ? value : undefined;
    };
    const filter: EntryFilter = {
      visibleTeamIds: await visibleTeamIds(db, user),
      team: params.get('team') || undefined,
      category: params.get('category') || undefined,
      q: params.get('q') || undefined,
      from: date('from'),
      to: date('to'),
      userId: params.get('who') === 'me' ? user.id : undefined,
      sort: 'date',
      dir: 'asc',
    };
    const rows = await listEntries(db, filter);
    const entries = rows.map((e) => ({
      date: e.date,
      task: e.task,
      category: e.categorySlug,
      minutes: e.minutes,
      service: e.serviceSlug,
      interrupt: e.interrupt,
      afterHours: e.afterHours,
      automatable: e.automatable,
      notes: e.notes,
      team: e.teamSlug,
      user: e.userEmail,
    }));
    const stamp = new Date().toISOString().slice(0, 10);
    if (format === 'json') {
      return new NextResponse(JSON.stringify({ entries }, null, 2), {
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'content-disposition': `attachment; filename="toil-${stamp}.json"`,
        },
      });
    }
    const csv = toCsv(
      [...TOIL_CSV_COLUMNS, 'team', 'user'],
      entries.map((e) => [...toilCsvValues(e), e.team, e.user]),
    );
    return new NextResponse(csv, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="toil-${stamp}.csv"`,
      },
    });
  });
}
