import { NextResponse } from 'next/server';
import { capacityToJson } from '@/db/capacity/api-json';
import { capacityOverview } from '@/db/capacity/forecasts';
import { withToken } from '@/server/api';

export const dynamic = 'force-dynamic';

/** GET /api/v1/capacity — every resource with forecast, days to exhaustion, order-by date and N+k instances. */
export async function GET(req: Request) {
  return withToken(req, 'read', async ({ db }) => {
    const resources = (await capacityOverview(db)).map(capacityToJson);
    return NextResponse.json({ resources });
  });
}
