// Redirect targets after sign-in are same-origin paths only (SPEC 7). Browsers turn
// `/\host` into `//host` and drop tabs and newlines (`/\t/host` → `//host`), so a path
// with a backslash or a control character, raw or percent-encoded, is refused.

const BASE = 'http://same.origin.invalid';

/** `url` when it is a same-origin path, else `fallback`. Accepts absolute URLs of `origin`. */
export function safeCallbackPath(url: unknown, fallback = '/', origin?: string): string {
  if (typeof url !== 'string' || url.length === 0 || url.length > 2_000) return fallback;
  let candidate = url;
  if (origin && candidate.startsWith(`${origin}/`)) candidate = candidate.slice(origin.length);
  let decoded = candidate;
  try {
    decoded = decodeURIComponent(candidate);
  } catch {
    return fallback;
  }
  for (const text of [candidate, decoded]) {
    if (!text.startsWith('/') || text.startsWith('//')) return fallback;
    // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
    if (/[\\\u0000-\u001f\u007f]/.test(text)) return fallback;
  }
  let parsed: URL;
  try {
    parsed = new URL(candidate, BASE);
  } catch {
    return fallback;
  }
  if (parsed.origin !== BASE) return fallback;
  return `${parsed.pathname}${parsed.search}${parsed.hash}`;
}
