// Request-URL hygiene shared by proxy.ts and the route guards (SPEC 7): a path or
// query string carrying a NUL byte or invalid UTF-8 is a 400, never a 500.

/** What is wrong with the URL's path or query string, or null. */
export function urlProblem(url: string | URL): { field: string; message: string } | null {
  const u = typeof url === 'string' ? new URL(url, 'http://local') : url;
  let path: string;
  try {
    path = decodeURIComponent(u.pathname);
  } catch {
    return { field: 'path', message: 'is not valid UTF-8' };
  }
  if (path.includes('\u0000')) return { field: 'path', message: 'must not contain NUL bytes' };
  const raw = u.search.replace(/^\?/, '');
  if (!raw) return null;
  for (const part of raw.split('&')) {
    const [k, v = ''] = part.split('=');
    let key: string;
    let value: string;
    try {
      key = decodeURIComponent(k.replace(/\+/g, ' '));
    } catch {
      return { field: 'query', message: 'is not valid UTF-8' };
    }
    try {
      value = decodeURIComponent(v.replace(/\+/g, ' '));
    } catch {
      return { field: key, message: 'is not valid UTF-8' };
    }
    if (key.includes('\u0000')) return { field: 'query', message: 'must not contain NUL bytes' };
    if (value.includes('\u0000')) return { field: key, message: 'must not contain NUL bytes' };
    if (value.length > 4_000) return { field: key, message: 'is too long' };
    if (key === 'page' && value !== '' && !/^[1-9]\d{0,4}$/.test(value))
      return { field: 'page', message: 'must be a whole number from 1 to 99999' };
  }
  return null;
}
