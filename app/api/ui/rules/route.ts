import { rulesForAll } from '@/db/interop/prometheus-rules';
import { withSession } from '@/server/api';

export const dynamic = 'force-dynamic';

/** Rules of every Prometheus-sourced SLO, as a download (session-authenticated). */
export async function GET(req: Request) {
  return withSession('viewer', async ({ db }) => {
    const yaml = await rulesForAll(db, process.env.NEXTAUTH_URL ?? new URL(req.url).origin);
    return new Response(yaml, {
      headers: {
        'content-type': 'application/yaml; charset=utf-8',
        'content-disposition': 'attachment; filename="sre-portal.rules.yml"',
      },
    });
  });
}
