import { NextResponse } from 'next/server';
import { logToilFromApi } from '@/db/toil/api';
import { jsonError, withToken } from '@/server/api';

export const dynamic = 'force-dynamic';

/**
 * POST /api/v1/toil (scope toil:write): log one toil entry for a person, e.g.
 * from a chat-op. Body: {"user","task","category","minutes", optional "date",
 * "team", "service", "interrupt", "afterHours", "automatable", "notes"} → 201.
 */
export async function POST(req: Request) {
  return withToken(req, 'toil:write', async ({ db, actor }) => {
    let body: unknown;
    try {
      body = await req.json();
    } catch {
      return jsonError(400, 'Body is not valid JSON');
    }
    if (body === null || typeof body !== 'object' || Array.isArray(body))
      return jsonError(400, 'Body must be a JSON object describing one toil entry');
    return NextResponse.json(await logToilFromApi(db, actor, body), { status: 201 });
  });
}
