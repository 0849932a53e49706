// Validation of pushed SLI samples (SPEC 3). Hand-written rather than zod: it
// runs over up to 10,000 samples per request on the ingestion hot path.

import { MINUTE_MS } from '@/lib/format';
import { isRealCalendarDate, MAX_SAMPLE_COUNT } from '@/lib/validation/dates';

export interface SampleInput {
  /** Start of the minute, epoch milliseconds. */
  minute: number;
  good: number;
  total: number;
}

export interface SampleError {
  index: number;
  field: 'ts' | 'good' | 'total' | 'sample';
  message: string;
}

export type ParsedSamples = { ok: true; samples: SampleInput[] } | { ok: false; errors: SampleError[] };

/**
 * Checks every sample and reports every bad index and field. Samples for the
 * same minute collapse to the last one (a sample replaces the minute it names).
 */
export function parseSamples(raw: unknown[], opts: { now: number; oldestMinute: number }): ParsedSamples {
  const errors: SampleError[] = [];
  const byMinute = new Map<number, SampleInput>();
  for (let index = 0; index < raw.length; index++) {
    const s = raw[index] as { ts?: unknown; good?: unknown; total?: unknown } | null;
    if (typeof s !== 'object' || s === null || Array.isArray(s)) {
      errors.push({ index, field: 'sample', message: 'must be an object {ts, good, total}' });
      continue;
    }
    const before = errors.length;
    let ms = Number.NaN;
    if (
      typeof s.ts !== 'string' ||
      !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(s.ts)
    ) {
      errors.push({
        index,
        field: 'ts',
        message: 'must be an RFC 3339 time with a zone, e.g. 2026-11-01T10:05:00Z',
      });
    } else {
      ms = Date.parse(s.ts);
      if (Number.isNaN(ms) || !isRealCalendarDate(s.ts))
        errors.push({ index, field: 'ts', message: 'is not a real calendar instant' });
      else if (ms > opts.now + 5 * MINUTE_MS)
        errors.push({ index, field: 'ts', message: 'is in the future' });
      else if (ms < opts.oldestMinute)
        errors.push({ index, field: 'ts', message: 'is older than the raw-sample retention' });
    }
    const good = s.good;
    const total = s.total;
    const goodOk = typeof good === 'number' && Number.isFinite(good) && good >= 0 && good <= MAX_SAMPLE_COUNT;
    const totalOk =
      typeof total === 'number' && Number.isFinite(total) && total >= 0 && total <= MAX_SAMPLE_COUNT;
    if (!goodOk) errors.push({ index, field: 'good', message: 'must be a number from 0 to 10^15' });
    if (!totalOk) errors.push({ index, field: 'total', message: 'must be a number from 0 to 10^15' });
    if (goodOk && totalOk && (good as number) > (total as number)) {
      errors.push({ index, field: 'good', message: `must not exceed total (${good} > ${total})` });
    }
    if (errors.length === before) {
      const minute = Math.floor(ms / MINUTE_MS) * MINUTE_MS;
      byMinute.set(minute, { minute, good: good as number, total: total as number });
    }
  }
  if (errors.length) return { ok: false, errors };
  return { ok: true, samples: [...byMinute.values()] };
}

/** A PostgreSQL array literal of numbers, sent as one text parameter (no 65,535-parameter limit). */
export function pgNumberArray(values: Iterable<number>): string {
  return `{${Array.from(values, (v) => String(v)).join(',')}}`;
}
