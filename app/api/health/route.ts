import { sql } from 'drizzle-orm';
import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import {
  circuitOpen,
  recordDatabaseFailure,
  recordDatabaseSuccess,
  withDeadline,
} from '@/db/platform/circuit';

export const dynamic = 'force-dynamic';

const unavailable = () =>
  NextResponse.json(
    { status: 'unavailable', error: 'database unreachable' },
    { status: 503, headers: { 'cache-control': 'no-store' } },
  );

/**
 * Liveness and readiness: 200 with the database reachable, 503 otherwise (within 2 s).
 * Never behind auth; the database's own error goes to the server log, not the answer.
 */
export async function GET() {
  if (circuitOpen()) return unavailable();
  const sentAt = Date.now();
  try {
    const db = await withDeadline(getDb(), 1_500);
    await withDeadline(db.execute(sql`select 1`), 1_500);
    recordDatabaseSuccess(sentAt);
    return NextResponse.json({ status: 'ok' }, { headers: { 'cache-control': 'no-store' } });
  } catch (err) {
    recordDatabaseFailure();
    console.error('health check: database unreachable', err);
    return unavailable();
  }
}
