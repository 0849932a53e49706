import { getDb } from '@/db';
import { rulesForSlo } from '@/db/services/slo-rules';
import { errorResponse } from '@/lib/api';
import { requireUser } from '@/lib/auth/guard';

export const dynamic = 'force-dynamic';

/** The rules download button on the SLO page (session-authenticated). */
export async function GET(req: Request, ctx: { params: Promise<{ slug: string }> }) {
  try {
    await requireUser('viewer');
    const { slug } = await ctx.params;
    const yaml = await rulesForSlo(await getDb(), slug, process.env.NEXTAUTH_URL ?? new URL(req.url).origin);
    return new Response(yaml, {
      headers: {
        'content-type': 'application/yaml; charset=utf-8',
        'content-disposition': `attachment; filename="${slug}.rules.yml"`,
      },
    });
  } catch (err) {
    return errorResponse(err);
  }
}
