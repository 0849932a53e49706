import { NextResponse } from 'next/server';
import { exportAll, importOpenSlo } from '@/db/interop/openslo';
import { MAX_OPENSLO_BYTES } from '@/lib/openslo';
import { dryRunParam } from '@/lib/validation/params';
import { jsonError, withToken } from '@/server/api';
import { PayloadTooLargeError, readBodyText } from '@/server/body';

export const dynamic = 'force-dynamic';

/** GET /api/v1/openslo (scope read) — every service with SLOs and every SLO as OpenSLO v1 YAML. */
export async function GET(req: Request) {
  return withToken(req, 'read', async ({ db }) => {
    return new Response(await exportAll(db), {
      headers: { 'content-type': 'application/yaml; charset=utf-8', 'cache-control': 'no-store' },
    });
  });
}

/**
 * POST /api/v1/openslo[?dryRun=1] — import OpenSLO v1 YAML. Writing SLO definitions takes the
 * `sli:write` scope (tokens are minted by admins); there is no separate scope for definitions.
 * 200 when every document imported (or the dry run found nothing wrong), 422 when some were
 * refused (the body still lists every document), 400 when the body is not OpenSLO YAML, 413 over 1 MiB.
 */
export async function POST(req: Request) {
  return withToken(req, 'sli:write', async ({ db, actor }) => {
    const tooLarge = () =>
      jsonError(413, `At most ${MAX_OPENSLO_BYTES} bytes of YAML per request; split the file`);
    const dryRun = dryRunParam(new URL(req.url).searchParams);
    let body: string;
    try {
      body = await readBodyText(req, MAX_OPENSLO_BYTES);
    } catch (err) {
      if (err instanceof PayloadTooLargeError) return tooLarge();
      throw err;
    }
    const result = await importOpenSlo(db, actor, body, { dryRun });
    return NextResponse.json(result, { status: result.errors > 0 ? 422 : 200 });
  });
}
