import { getDb } from '@/db';
import { rulesForAll } from '@/db/services/slo-rules';
import { errorResponse } from '@/lib/api';
import { requireUser } from '@/lib/auth/guard';

export const dynamic = 'force-dynamic';

/** Rules of every Prometheus-sourced SLO, as a download (session-authenticated). */
export async function GET(req: Request) {
  try {
    await requireUser('viewer');
    const yaml = await rulesForAll(await getDb(), process.env.NEXTAUTH_URL ?? new URL(req.url).origin);
    return new Response(yaml, {
      headers: {
        'content-type': 'application/yaml; charset=utf-8',
        'content-disposition': 'attachment; filename="sre-portal.rules.yml"',
      },
    });
  } catch (err) {
    return errorResponse(err);
  }
}
