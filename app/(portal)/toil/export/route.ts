import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { visibleTeamIds } from '@/db/toil/entries';
import { listEntries } from '@/db/toil/entry-list';
import { TOIL_CSV_COLUMNS, toCsv, toilCsvValues } from '@/lib/toil/csv';
import { errorResponse, jsonError } from '@/server/api';
import { requireUser } from '@/server/guard';
import { parseEntryQuery } from '../entries/search-params';

export const dynamic = 'force-dynamic';

/**
 * The entries of the current filter as CSV (the import's columns, plus team and
 * user, so a file re-imports unchanged) or JSON. Engineers export their teams'
 * entries, admins everyone's.
 */
export async function GET(req: Request) {
  try {
    const user = await requireUser('engineer');
    const params = new URL(req.url).searchParams;
    const format = params.get('format') ?? 'csv';
    if (format !== 'csv' && format !== 'json') return jsonError(400, 'format must be csv or json');
    const db = await getDb();
    const { filter } = parseEntryQuery(Object.fromEntries(params), {
      userId: user.id,
      visibleTeamIds: await visibleTeamIds(db, user),
    });
    // The file lists the whole filter oldest first, whatever order the page showed.
    const rows = await listEntries(db, { ...filter, sort: 'date', dir: 'asc' });
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
  } catch (err) {
    return errorResponse(err);
  }
}
