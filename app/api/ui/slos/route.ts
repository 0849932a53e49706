import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { loadOverview } from '@/db/services/slo-api';
import { parseOverviewQuery } from '@/db/services/slo-overview';
import { errorResponse } from '@/lib/api';
import { requireUser } from '@/lib/auth/guard';

export const dynamic = 'force-dynamic';

/** The overview's data for its periodic refresh; session-authenticated like the page itself. */
export async function GET(req: Request) {
  try {
    await requireUser('viewer');
    const params = Object.fromEntries(new URL(req.url).searchParams);
    return NextResponse.json(await loadOverview(await getDb(), parseOverviewQuery(params)), {
      headers: { 'cache-control': 'no-store' },
    });
  } catch (err) {
    return errorResponse(err);
  }
}
