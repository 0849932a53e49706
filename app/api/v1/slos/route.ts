import { NextResponse } from 'next/server';
import { allSloStatuses, sloToJson } from '@/db/services/slo-api';
import { withToken } from '@/lib/api';

export const dynamic = 'force-dynamic';

/** GET /api/v1/slos — every SLO with the numbers the overview shows. */
export async function GET(req: Request) {
  return withToken(req, 'read', async ({ db }) => {
    const views = await allSloStatuses(db);
    return NextResponse.json({ slos: views.map(sloToJson) });
  });
}
