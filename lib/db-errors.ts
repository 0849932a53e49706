// Classifies errors thrown by the database drivers without leaking their text (SPEC 7):
// the client sees a plain message, the server log keeps the database's own words.

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  'DB_UNAVAILABLE',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up / shutting down)
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '53300', // too_many_connections
]);

function codesOf(err: unknown): string[] {
  const out: string[] = [];
  let e = err as { code?: unknown; cause?: unknown; errno?: unknown } | undefined;
  for (let depth = 0; e && depth < 5; depth++) {
    if (typeof e.code === 'string') out.push(e.code);
    e = e.cause as typeof e;
  }
  return out;
}

/** The database is down, restarting or unreachable. */
export function isConnectionError(err: unknown): boolean {
  return codesOf(err).some((c) => CONNECTION_CODES.has(c));
}

/**
 * A value the database refused as data (SQLSTATE class 22: bad encoding, NUL byte,
 * out-of-range number or date, malformed uuid): the client's input, so a 400.
 */
export function isDataError(err: unknown): boolean {
  return codesOf(err).some((c) => /^22[0-9A-Z]{3}$/.test(c));
}

/** A statement cancelled by its timeout (57014): the database is overloaded, a 503. */
export function isTimeoutError(err: unknown): boolean {
  return codesOf(err).includes('57014');
}
