import { NextResponse } from 'next/server';
import { sloStatusBySlug, sloToJson } from '@/db/slo/api';
import { withToken } from '@/server/api';

export const dynamic = 'force-dynamic';

export async function GET(req: Request, ctx: { params: Promise<{ slug: string }> }) {
  return withToken(req, 'read', async ({ db }) => {
    const view = await sloStatusBySlug(db, (await ctx.params).slug);
    return NextResponse.json(sloToJson(view));
  });
}
