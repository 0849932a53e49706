import { NextResponse } from 'next/server';
import { ingestPushSamples, SampleValidationError } from '@/db/slo/ingest';
import { slugParam } from '@/lib/validation/params';
import { jsonError, withToken } from '@/server/api';
import { readJsonBody } from '@/server/body';

export const dynamic = 'force-dynamic';

/**
 * POST /api/v1/slos/{slug}/samples (SPEC 3): per-minute replace, at most 10,000
 * samples and 2 MiB (refused before parsing), all-or-nothing.
 */
export async function POST(req: Request, ctx: { params: Promise<{ slug: string }> }) {
  return withToken(req, 'sli:write', async ({ db, actor }) => {
    const slug = slugParam((await ctx.params).slug);
    const body = await readJsonBody(req);
    try {
      return NextResponse.json(await ingestPushSamples(db, actor, slug, body));
    } catch (err) {
      if (err instanceof SampleValidationError) return jsonError(400, err.message, { errors: err.errors });
      throw err;
    }
  });
}
