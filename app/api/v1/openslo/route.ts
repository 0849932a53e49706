import { NextResponse } from 'next/server';
import { exportAll, importOpenSlo } from '@/db/interop/openslo';
import { MAX_OPENSLO_BYTES } from '@/lib/openslo';
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

/** A boolean query parameter: absent → false; 1/true/0/false; anything else → null (refused). */
function flag(params: URLSearchParams, name: string): boolean | null {
  const all = params.getAll(name);
  if (all.length === 0) return false;
  if (all.length > 1) return null; // ?dryRun=0&dryRun=1 is ambiguous: refuse it
  const v = all[0];
  if (v === '1' || v === 'true') return true;
  if (v === '0' || v === 'false') return false;
  return null;
}

/**
 * POST /api/v1/openslo[?dryRun=1][&moveSlos=1] (moveSlos: an SLO that exists under another service moves to the one the document names) — import OpenSLO v1 YAML. Writing SLO definitions takes the
 * `sli:write` scope (tokens are minted by admins); there is no separate scope for definitions.
 * 200 when every document imported (or the dry run found nothing wrong), 422 when some were
 * refused (the body still lists every document), 400 when the body is not OpenSLO YAML, 413 over 1 MiB.
 */
export async function POST(req: Request) {
  return withToken(req, 'sli:write', async ({ db, actor }) => {
    const tooLarge = () =>
      jsonError(413, `At most ${MAX_OPENSLO_BYTES} bytes of YAML per request; split the file`);
    let body: string;
    try {
      body = await readBodyText(req, MAX_OPENSLO_BYTES);
    } catch (err) {
      if (err instanceof PayloadTooLargeError) return tooLarge();
      throw err;
    }
    const params = new URL(req.url).searchParams;
    const dryRun = flag(params, 'dryRun');
    const moveSlos = flag(params, 'moveSlos');
    for (const [name, value] of [
      ['dryRun', dryRun],
      ['moveSlos', moveSlos],
    ] as const) {
      if (value === null)
        return jsonError(400, `${name} must be 1, true, 0 or false (got "${params.get(name)}")`, {
          fieldErrors: { [name]: ['1, true, 0 or false'] },
        });
    }
    const result = await importOpenSlo(db, actor, body, {
      dryRun: Boolean(dryRun),
      moveSlos: Boolean(moveSlos),
    });
    return NextResponse.json(result, { status: result.errors > 0 ? 422 : 200 });
  });
}
