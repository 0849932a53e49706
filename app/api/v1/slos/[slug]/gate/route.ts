import { NextResponse } from 'next/server';
import { askGate } from '@/db/slo/api';
import { withToken } from '@/server/api';

export const dynamic = 'force-dynamic';

/** GET /api/v1/slos/{slug}/gate?change=feature|fix|emergency → 200 allowed, 423 refused (SPEC 3). */
export async function GET(req: Request, ctx: { params: Promise<{ slug: string }> }) {
  return withToken(req, 'read', async ({ db, actor }) => {
    const change = new URL(req.url).searchParams.get('change');
    const verdict = await askGate(db, (await ctx.params).slug, change, actor.label);
    return NextResponse.json(verdict, { status: verdict.allowed ? 200 : 423 });
  });
}
