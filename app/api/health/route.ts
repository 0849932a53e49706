import { sql } from 'drizzle-orm';
import { NextResponse } from 'next/server';
import { getDb } from '@/db';

export const dynamic = 'force-dynamic';

/** Liveness and readiness: 200 with the database reachable, 503 otherwise. Never behind auth. */
export async function GET() {
  try {
    const db = await getDb();
    await Promise.race([
      db.execute(sql`select 1`),
      new Promise((_, reject) => setTimeout(() => reject(new Error('database timeout')), 3000)),
    ]);
    return NextResponse.json({ status: 'ok' }, { headers: { 'cache-control': 'no-store' } });
  } catch (err) {
    return NextResponse.json(
      { status: 'unavailable', error: err instanceof Error ? err.message : 'database unreachable' },
      { status: 503, headers: { 'cache-control': 'no-store' } },
    );
  }
}
