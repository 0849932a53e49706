import { NextResponse } from 'next/server';
import { runbooksApi } from '@/db/runbooks/api';
import { withToken } from '@/server/api';

export const dynamic = 'force-dynamic';

/**
 * GET /api/v1/runbooks?alert=&service=&q= (scope read): the runbooks that answer an alert,
 * belong to a service or match a search — title, URL and staleness — for chat-ops and alerts.
 */
export async function GET(req: Request) {
  return withToken(req, 'read', async ({ db }) => {
    const url = new URL(req.url);
    return NextResponse.json(await runbooksApi(db, url.searchParams, process.env.NEXTAUTH_URL ?? url.origin));
  });
}
