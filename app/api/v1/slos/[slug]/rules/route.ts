import { rulesForSlo } from '@/db/interop/prometheus-rules';
import { withToken } from '@/server/api';

export const dynamic = 'force-dynamic';

/** GET /api/v1/slos/{slug}/rules → Prometheus rule file (YAML) with recording rules and burn-rate alerts. */
export async function GET(req: Request, ctx: { params: Promise<{ slug: string }> }) {
  return withToken(req, 'read', async ({ db }) => {
    const yaml = await rulesForSlo(
      db,
      (await ctx.params).slug,
      process.env.NEXTAUTH_URL ?? new URL(req.url).origin,
    );
    return new Response(yaml, { headers: { 'content-type': 'application/yaml; charset=utf-8' } });
  });
}
