import { NextResponse } from 'next/server';
import { getResourceBySlug } from '@/db/capacity/resources';
import { writeSamples } from '@/db/capacity/samples';
import {
  MAX_CAPACITY_BODY_BYTES,
  MAX_CAPACITY_SAMPLES_PER_REQUEST,
  parseDemandSamples,
} from '@/lib/capacity/samples';
import { jsonError, withToken } from '@/server/api';

export const dynamic = 'force-dynamic';

/**
 * POST /api/v1/capacity/{resource}/samples (SPEC 3), like SLI samples: body
 * `{"samples":[{"ts":"2026-11-01T10:05:00Z","value":412}]}`, at most 10,000 a request,
 * a sample replaces the one at the same instant, and any bad sample writes nothing.
 */
export async function POST(req: Request, ctx: { params: Promise<{ resource: string }> }) {
  return withToken(req, 'capacity:write', async ({ db, actor }) => {
    const tooLarge = () =>
      jsonError(413, `At most ${MAX_CAPACITY_BODY_BYTES} bytes per request; split the batch`);
    if (Number(req.headers.get('content-length') ?? 0) > MAX_CAPACITY_BODY_BYTES) return tooLarge();
    const text = await req.text();
    if (text.length > MAX_CAPACITY_BODY_BYTES) return tooLarge();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return jsonError(400, 'Body is not valid JSON');
    }
    const samples = (body as { samples?: unknown } | null)?.samples;
    if (!Array.isArray(samples))
      return jsonError(400, 'Invalid body', {
        fieldErrors: { samples: ['must be an array of {ts, value}'] },
      });
    if (samples.length > MAX_CAPACITY_SAMPLES_PER_REQUEST)
      return jsonError(
        413,
        `At most ${MAX_CAPACITY_SAMPLES_PER_REQUEST} samples per request (got ${samples.length}); split the batch`,
      );
    const resource = await getResourceBySlug(db, (await ctx.params).resource);
    if (!resource) return jsonError(404, 'Capacity resource not found');
    const parsed = parseDemandSamples(samples, Date.now());
    if (!parsed.ok)
      return jsonError(400, `${parsed.errors.length} invalid sample field(s); nothing was written`, {
        errors: parsed.errors.map((e) => ({
          ...e,
          path: e.field === 'sample' ? `samples[${e.index}]` : `samples[${e.index}].${e.field}`,
        })),
      });
    await writeSamples(db, actor, resource.id, parsed.points, 'api');
    return NextResponse.json({ accepted: samples.length });
  });
}
