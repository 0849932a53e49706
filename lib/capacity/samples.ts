// Validation of demand samples pushed to POST /api/v1/capacity/{resource}/samples and
// read from CSV (SPEC 3, "like SLI samples"). Hand-written: up to 10,000 per request.

export const MAX_CAPACITY_SAMPLES_PER_REQUEST = 10_000;
export const MAX_CAPACITY_BODY_BYTES = 2 * 1024 * 1024;
/** Larger than any real peak, small enough that sums and charts stay exact. */
export const MAX_DEMAND_VALUE = 1e15;
const EARLIEST = Date.UTC(2000, 0, 1);
const FUTURE_SLACK_MS = 5 * 60_000;

export interface DemandPoint {
  /** Epoch milliseconds, truncated to the second. */
  ts: number;
  value: number;
}

export interface DemandSampleError {
  index: number;
  field: 'ts' | 'value' | 'sample';
  message: string;
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A real calendar instant from an RFC 3339 time with a zone (or, when `dateOnly` is
 * allowed, YYYY-MM-DD as UTC midnight). 2026-02-30 is refused, not rolled over.
 */
export function parseInstant(text: string, opts: { dateOnly?: boolean } = {}): number | string {
  const m = RFC3339.exec(text) ?? (opts.dateOnly ? DATE_ONLY.exec(text) : null);
  if (!m)
    return opts.dateOnly
      ? 'must be a date (2026-11-01) or an RFC 3339 time with a zone'
      : 'must be an RFC 3339 time with a zone, e.g. 2026-11-01T10:05:00Z';
  const [y, mo, d, h = '0', mi = '0', s = '0'] = m.slice(1).map((v) => v ?? '0');
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number);
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (
    month < 1 ||
    month > 12 ||
    probe.getUTCFullYear() !== year ||
    probe.getUTCMonth() !== month - 1 ||
    probe.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  )
    return 'is not a real calendar date and time';
  const ms = Date.parse(m[0].length === 10 ? `${text}T00:00:00Z` : text);
  if (Number.isNaN(ms)) return 'is not a valid date';
  return ms;
}

/** Checks one sample's time and value; returns the error messages by field. */
export function checkDemand(
  ts: unknown,
  value: unknown,
  now: number,
  opts: { dateOnly?: boolean } = {},
):
  | { ok: true; point: DemandPoint }
  | { ok: false; errors: Array<{ field: 'ts' | 'value'; message: string }> } {
  const errors: Array<{ field: 'ts' | 'value'; message: string }> = [];
  let ms = Number.NaN;
  if (typeof ts !== 'string') errors.push({ field: 'ts', message: 'must be a string time' });
  else {
    const parsed = parseInstant(ts.trim(), opts);
    if (typeof parsed === 'string') errors.push({ field: 'ts', message: parsed });
    else if (parsed > now + FUTURE_SLACK_MS) errors.push({ field: 'ts', message: 'is in the future' });
    else if (parsed < EARLIEST) errors.push({ field: 'ts', message: 'is before 2000' });
    else ms = parsed;
  }
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
    errors.push({ field: 'value', message: 'must be a finite number ≥ 0' });
  else if (value > MAX_DEMAND_VALUE) errors.push({ field: 'value', message: 'must be at most 10¹⁵' });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, point: { ts: Math.floor(ms / 1000) * 1000, value: value as number } };
}

export type ParsedDemand = { ok: true; points: DemandPoint[] } | { ok: false; errors: DemandSampleError[] };

/** Every bad index and field is reported; samples at the same instant collapse to the last. */
export function parseDemandSamples(raw: readonly unknown[], now: number): ParsedDemand {
  const errors: DemandSampleError[] = [];
  const byTs = new Map<number, DemandPoint>();
  raw.forEach((sample, index) => {
    if (typeof sample !== 'object' || sample === null || Array.isArray(sample)) {
      errors.push({ index, field: 'sample', message: 'must be an object {ts, value}' });
      return;
    }
    const s = sample as { ts?: unknown; value?: unknown };
    const checked = checkDemand(s.ts, s.value, now);
    if (checked.ok) byTs.set(checked.point.ts, checked.point);
    else for (const e of checked.errors) errors.push({ index, ...e });
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, points: [...byTs.values()] };
}
