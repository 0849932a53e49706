import { NextResponse } from 'next/server';
import { parseOverviewQuery } from '@/app/(portal)/slos/search-params';
import { loadOverview } from '@/db/slo/api';
import { withSession } from '@/server/api';

export const dynamic = 'force-dynamic';

/** The overview's data for its periodic refresh; session-authenticated like the page itself. */
export async function GET(req: Request) {
  return withSession('viewer', async ({ db }) => {
    const params = Object.fromEntries(new URL(req.url).searchParams);
    return NextResponse.json(await loadOverview(db, parseOverviewQuery(params)), {
      headers: { 'cache-control': 'no-store' },
    });
  });
}
