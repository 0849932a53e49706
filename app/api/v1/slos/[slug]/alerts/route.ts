import { NextResponse } from 'next/server';
import { alertHistoryBySlug } from '@/db/slo/alert-history';
import { withToken } from '@/server/api';

export const dynamic = 'force-dynamic';

/** GET /api/v1/slos/{slug}/alerts?from=&to= → the alert history, newest first (SPEC 3). */
export async function GET(req: Request, ctx: { params: Promise<{ slug: string }> }) {
  return withToken(req, 'read', async ({ db }) => {
    const params = new URL(req.url).searchParams;
    const body = await alertHistoryBySlug(db, (await ctx.params).slug, params.get('from'), params.get('to'));
    return NextResponse.json(body);
  });
}
