import { eq } from 'drizzle-orm';
import { NextResponse } from 'next/server';
import { slos } from '@/db/schema';
import { ingestSamples } from '@/db/slo/samples';
import { env } from '@/lib/env';
import { parseSamples } from '@/lib/slo/samples';
import { MAX_SAMPLES_PER_REQUEST } from '@/lib/validation/slo';
import { jsonError, withToken } from '@/server/api';

export const dynamic = 'force-dynamic';

/**
 * POST /api/v1/slos/{slug}/samples (SPEC 3): per-minute replace, at most 10,000
 * samples, all-or-nothing — any bad sample rejects the whole request.
 */
export async function POST(req: Request, ctx: { params: Promise<{ slug: string }> }) {
  return withToken(req, 'sli:write', async ({ db }) => {
    let body: unknown;
    try {
      body = await req.json();
    } catch {
      return jsonError(400, 'Body is not valid JSON');
    }
    const samples = (body as { samples?: unknown } | null)?.samples;
    if (!Array.isArray(samples))
      return jsonError(400, 'Invalid body', {
        fieldErrors: { samples: ['must be an array of {ts, good, total}'] },
      });
    if (samples.length > MAX_SAMPLES_PER_REQUEST) {
      return jsonError(
        413,
        `At most ${MAX_SAMPLES_PER_REQUEST} samples per request (got ${samples.length}); split the batch`,
      );
    }
    const [slo] = await db
      .select({ id: slos.id, sourceType: slos.sourceType })
      .from(slos)
      .where(eq(slos.slug, (await ctx.params).slug));
    if (!slo) return jsonError(404, 'SLO not found');
    if (slo.sourceType !== 'push')
      return jsonError(409, 'This SLO takes its samples from Prometheus, not from pushes');
    const now = Date.now();
    const parsed = parseSamples(samples, {
      now,
      oldestMinute: now - env().SLI_RAW_RETENTION_DAYS * 86_400_000,
    });
    if (!parsed.ok) {
      return jsonError(400, `${parsed.errors.length} invalid sample field(s); nothing was written`, {
        errors: parsed.errors.map((e) => ({
          ...e,
          path: `samples[${e.index}].${e.field === 'sample' ? '' : e.field}`.replace(/\.$/, ''),
        })),
      });
    }
    await db.transaction((tx) => ingestSamples(tx, slo.id, parsed.samples));
    return NextResponse.json({ accepted: samples.length });
  });
}
