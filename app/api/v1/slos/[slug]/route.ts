import { NextResponse } from 'next/server';
import { readApiSnapshotBySlug } from '@/db/slo/snapshots';
import { withToken } from '@/server/api';

export const dynamic = 'force-dynamic';

/** One SLO's numbers, from its snapshot like the list (dropped at every write; ≤ 60 s old otherwise). */
export async function GET(req: Request, ctx: { params: Promise<{ slug: string }> }) {
  return withToken(req, 'read', async ({ db }) => {
    return NextResponse.json(await readApiSnapshotBySlug(db, (await ctx.params).slug));
  });
}
