import { NextResponse } from 'next/server';
import { incidentFiltersFromQuery } from '@/db/incidents/api';
import { listIncidents } from '@/db/incidents/incidents';
import { withToken } from '@/server/api';

export const dynamic = 'force-dynamic';

/** GET /api/v1/incidents?status=&severity=&service=&from=&to= (scope read), with derived TTD/TTA/TTM/TTR in minutes. */
export async function GET(req: Request) {
  return withToken(req, 'read', async ({ db }) => {
    const filters = await incidentFiltersFromQuery(db, new URL(req.url).searchParams);
    const rows = await listIncidents(db, filters);
    return NextResponse.json({ incidents: rows });
  });
}
