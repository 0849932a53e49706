import { NextResponse } from 'next/server';
import { receiveAlertmanager } from '@/db/incidents/alertmanager';
import { jsonError, withToken } from '@/server/api';

export const dynamic = 'force-dynamic';

const MAX_BODY = 1024 * 1024;

/**
 * POST /api/v1/alertmanager (scope incidents:write): Alertmanager's webhook (payload
 * version 4). One incident per groupKey; re-delivery is idempotent; resolved resolves.
 */
export async function POST(req: Request) {
  return withToken(req, 'incidents:write', async ({ db, actor }) => {
    const length = Number(req.headers.get('content-length') ?? 0);
    if (length > MAX_BODY) return jsonError(413, 'Body over 1 MiB');
    const text = await req.text();
    if (text.length > MAX_BODY) return jsonError(413, 'Body over 1 MiB');
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return jsonError(400, 'Body is not valid JSON');
    }
    const result = await receiveAlertmanager(db, actor, body);
    return NextResponse.json(result, { status: result.created ? 201 : 200 });
  });
}
