import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { errorResponse } from '@/server/api';
import { requireUser } from '@/server/guard';
import { myRecentEntries } from '../recent-entries';

export const dynamic = 'force-dynamic';

/** The signed-in user's recent toil entries, for the entry page's TanStack Query. */
export async function GET() {
  try {
    const user = await requireUser('viewer');
    return NextResponse.json(await myRecentEntries(await getDb(), user.id), {
      headers: { 'cache-control': 'no-store' },
    });
  } catch (err) {
    return errorResponse(err);
  }
}
