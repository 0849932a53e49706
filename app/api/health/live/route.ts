import { NextResponse } from 'next/server';

export const dynamic = 'force-dynamic';

/**
 * Liveness: the process serves requests. It never touches the database (that is
 * `/api/health`, readiness), so an orchestrator does not restart a healthy server
 * during a database outage; the bench uses it as the trivial-route reference.
 */
export function GET() {
  return NextResponse.json({ status: 'alive' }, { headers: { 'cache-control': 'no-store' } });
}
