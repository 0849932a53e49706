import { NextResponse } from 'next/server';
import { getIncident } from '@/db/incidents/incidents';
import { jsonError, withToken } from '@/server/api';

export const dynamic = 'force-dynamic';

/** GET /api/v1/incidents/{id} (scope read): the incident with its timeline and derived TTD/TTA/TTM/TTR (minutes). */
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return withToken(req, 'read', async ({ db }) => {
    const { id } = await params;
    const incident = await getIncident(db, id);
    if (!incident) return jsonError(404, 'Incident not found');
    return NextResponse.json(incident);
  });
}
