import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { mutate } from '@/db/platform/mutation';
import { queryRows } from '@/db/platform/sql';
import type { Actor } from '@/lib/audit';
import { env } from '@/lib/env';
import { ConflictError, DomainError, NotFoundError, ValidationError } from '@/lib/errors';
import { parseSamples, type SampleError } from '@/lib/slo/samples';
import { MAX_SAMPLES_PER_REQUEST } from '@/lib/validation/slo';
import { ingestSamples, lockSloSamples } from './samples';

/** 413: more samples in one request than SPEC 3 allows. */
export class TooManySamplesError extends DomainError {
  constructor(count: number) {
    super(`At most ${MAX_SAMPLES_PER_REQUEST} samples per request (got ${count}); split the batch`, 413);
  }
}

/** 400 naming every bad sample index and field; nothing of the request was written. */
export class SampleValidationError extends ValidationError {
  constructor(readonly errors: Array<SampleError & { path: string }>) {
    super(`${errors.length} invalid sample field(s); nothing was written`, {
      samples: errors.map((e) => `${e.path} ${e.message}`),
    });
  }
}

/**
 * The push-ingest service behind POST /api/v1/slos/{slug}/samples (SPEC 3): looks
 * the SLO up, validates every sample (all-or-nothing) and writes them through
 * `mutate()` (no audit row: samples are data, not configuration).
 */
export async function ingestPushSamples(
  db: Executor,
  actor: Actor,
  slug: string,
  body: unknown,
  now = Date.now(),
): Promise<{ accepted: number }> {
  const samples = (body as { samples?: unknown } | null)?.samples;
  if (!Array.isArray(samples))
    throw new ValidationError('Invalid body', { samples: ['must be an array of {ts, good, total}'] });
  if (samples.length > MAX_SAMPLES_PER_REQUEST) throw new TooManySamplesError(samples.length);
  const parsed = parseSamples(samples, {
    now,
    oldestMinute: now - env().SLI_RAW_RETENTION_DAYS * 86_400_000,
  });
  return mutate(db, actor, async ({ tx }) => {
    // The SLO and its writers' lock in one round trip (the lock is taken only for a push SLO).
    const [slo] = await queryRows<{ id: string; source_type: string; locked: unknown }>(
      tx,
      sql`select id::text, source_type,
            case when source_type = 'push' then ${lockSloSamples(sql`id`)} end as locked
          from slos where slug = ${slug}`,
    );
    if (!slo) throw new NotFoundError('SLO');
    if (slo.source_type !== 'push')
      throw new ConflictError('This SLO takes its samples from Prometheus, not from pushes');
    if (!parsed.ok) {
      throw new SampleValidationError(
        parsed.errors.map((e) => ({
          ...e,
          path: `samples[${e.index}].${e.field === 'sample' ? '' : e.field}`.replace(/\.$/, ''),
        })),
      );
    }
    await ingestSamples(tx, slo.id, parsed.samples, { locked: true });
    return { result: { accepted: samples.length }, change: null };
  });
}
