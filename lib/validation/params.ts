// Checks for values that arrive in paths and query strings (SPEC 7): NUL bytes,
// invalid UTF-8 (decoded to U+FFFD or left percent-encoded), malformed ids and
// pages whose offset would overflow all become a 400 naming the field.
import { ValidationError } from '@/lib/errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** The largest page number any list accepts (offsets stay far below 2^31). */
export const MAX_PAGE = 100_000;

/** A problem with free text a client sent, or null when it is clean. */
export function textProblem(value: string, max = 10_000): string | null {
  if (value.includes('\u0000')) return 'must not contain NUL bytes';
  if (value.includes('\uFFFD')) return 'is not valid UTF-8';
  if (/[\uD800-\uDFFF]/.test(value.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, '')))
    return 'is not valid UTF-8';
  if (value.length > max) return `must be at most ${max} characters`;
  return null;
}

function fail(field: string, message: string): never {
  throw new ValidationError(`Invalid ${field}: ${message}`, { [field]: [message] });
}

/** Free text from a query string or form: throws a field error on NUL / bad UTF-8 / too long. */
export function cleanText(field: string, value: string | null | undefined, max = 10_000): string | undefined {
  if (value === null || value === undefined) return undefined;
  const problem = textProblem(value, max);
  if (problem) fail(field, problem);
  return value;
}

/** A path slug: lowercase letters, digits and dashes. */
export function slugParam(value: string, field = 'slug'): string {
  let v = value;
  if (/%[0-9a-f]{2}/i.test(v)) {
    try {
      v = decodeURIComponent(v);
    } catch {
      fail(field, 'is not valid UTF-8');
    }
  }
  cleanText(field, v, 200);
  if (!SLUG.test(v)) fail(field, 'must be lowercase letters, digits and dashes');
  return v;
}

/** An id that must be a UUID. */
export function uuidParam(value: unknown, field = 'id'): string {
  if (typeof value !== 'string' || !UUID.test(value)) fail(field, 'must be a UUID');
  return value;
}

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** A 1-based page number; absent → 1; too large or not a number → field error. */
export function pageParam(value: string | null | undefined, field = 'page'): number {
  if (value === null || value === undefined || value === '') return 1;
  if (!/^\d{1,9}$/.test(value)) fail(field, `must be a whole number from 1 to ${MAX_PAGE}`);
  const n = Number(value);
  if (n < 1 || n > MAX_PAGE) fail(field, `must be a whole number from 1 to ${MAX_PAGE}`);
  return n;
}

/** Throws on the first query parameter carrying NUL or invalid UTF-8. */
export function checkSearchParams(params: URLSearchParams | Record<string, string | string[] | undefined>) {
  const entries: Array<[string, string]> =
    params instanceof URLSearchParams
      ? [...params.entries()]
      : Object.entries(params).flatMap(([k, v]) =>
          v === undefined ? [] : (Array.isArray(v) ? v : [v]).map((x): [string, string] => [k, x]),
        );
  for (const [k, v] of entries) {
    cleanText('query', k, 200);
    cleanText(k, v, 2_000);
  }
}

/** The path of the first string inside `value` carrying NUL or invalid UTF-8, with the problem. */
export function findBadText(
  value: unknown,
  path = 'body',
  depth = 0,
): { path: string; message: string } | null {
  if (depth > 64) return { path, message: 'is nested too deeply' };
  if (typeof value === 'string') {
    const problem = textProblem(value, 2_100_000);
    return problem ? { path, message: problem } : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const bad = findBadText(value[i], `${path}[${i}]`, depth + 1);
      if (bad) return bad;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const keyProblem = textProblem(k, 200);
      if (keyProblem) return { path, message: `has a key that ${keyProblem}` };
      const bad = findBadText(v, `${path}.${k}`, depth + 1);
      if (bad) return bad;
    }
  }
  return null;
}

/** `?dryRun=` as SPEC 3 has it: absent, 1/true or 0/false; anything else (or repeated) is a 400. */
export function dryRunParam(params: URLSearchParams): boolean {
  const values = params.getAll('dryRun');
  if (values.length === 0) return false;
  if (values.length > 1) fail('dryRun', 'must be given once');
  if (values[0] === '1' || values[0] === 'true') return true;
  if (values[0] === '0' || values[0] === 'false') return false;
  fail('dryRun', 'must be 1, true, 0 or false');
}
