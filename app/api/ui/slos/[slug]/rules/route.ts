import { rulesForSlo } from '@/db/interop/prometheus-rules';
import { withSession } from '@/server/api';

export const dynamic = 'force-dynamic';

/** The rules download button on the SLO page (session-authenticated). */
export async function GET(req: Request, ctx: { params: Promise<{ slug: string }> }) {
  return withSession('viewer', async ({ db }) => {
    const { slug } = await ctx.params;
    const yaml = await rulesForSlo(db, slug, process.env.NEXTAUTH_URL ?? new URL(req.url).origin);
    return new Response(yaml, {
      headers: {
        'content-type': 'application/yaml; charset=utf-8',
        'content-disposition': `attachment; filename="${slug}.rules.yml"`,
      },
    });
  });
}
