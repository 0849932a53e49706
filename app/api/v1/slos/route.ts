import { NextResponse } from 'next/server';
import { listApiSlos } from '@/db/slo/api';
import { withToken } from '@/server/api';

export const dynamic = 'force-dynamic';

/** GET /api/v1/slos[?service=a,b] — every SLO (of those services) with the numbers the overview shows. */
export async function GET(req: Request) {
  return withToken(req, 'read', async ({ db }) => {
    const service = new URL(req.url).searchParams.get('service');
    const slos = await listApiSlos(db, service ? service.split(',').filter(Boolean) : undefined);
    return NextResponse.json({ slos });
  });
}
