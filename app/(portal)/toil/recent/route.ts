import { NextResponse } from 'next/server';
import { withSession } from '@/server/api';
import { myRecentEntries } from '../recent-entries';

export const dynamic = 'force-dynamic';

/** The signed-in user's recent toil entries, for the entry page's TanStack Query. */
export async function GET() {
  return withSession('viewer', async ({ db, user }) =>
    NextResponse.json(await myRecentEntries(db, user.id), { headers: { 'cache-control': 'no-store' } }),
  );
}
