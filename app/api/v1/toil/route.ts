import { NextResponse } from 'next/server';
import { logToilFromApi } from '@/db/toil/api';
import { jsonError, withToken } from '@/server/api';
import { readJsonBody } from '@/server/body';

/** One toil entry is a few hundred bytes; 64 KiB is generous and refused before parsing. */
const TOIL_BODY_BYTES = 64 * 1024;

export const dynamic = 'force-dynamic';

/**
 * POST /api/v1/toil (scope toil:write): log one toil entry for a person, e.g.
 * from a chat-op. Body: {"user","task","category","minutes", optional "date",
 * "team", "service", "interrupt", "afterHours", "automatable", "notes"} → 201.
 */
export async function POST(req: Request) {
  return withToken(req, 'toil:write', async ({ db, actor }) => {
    const body = await readJsonBody(req, TOIL_BODY_BYTES);
    if (body === null || typeof body !== 'object' || Array.isArray(body))
      return jsonError(400, 'Body must be a JSON object describing one toil entry');
    return NextResponse.json(await logToilFromApi(db, actor, body), { status: 201 });
  });
}
