import { rulesForAll } from '@/db/interop/prometheus-rules';
import { withToken } from '@/server/api';

export const dynamic = 'force-dynamic';

/** GET /api/v1/rules → one rule file for every Prometheus-sourced SLO. */
export async function GET(req: Request) {
  return withToken(req, 'read', async ({ db }) => {
    const yaml = await rulesForAll(db, process.env.NEXTAUTH_URL ?? new URL(req.url).origin);
    return new Response(yaml, { headers: { 'content-type': 'application/yaml; charset=utf-8' } });
  });
}
