import { DomainError } from '@/lib/errors';

// A health circuit shared by every request of this process (SPEC 7). After a connection
// failure, requests answer 503 at once instead of queueing on a dead database; a
// background probe (every half second) closes the circuit again as soon as the database
// answers, so the portal recovers by itself without a restart. State lives on globalThis:
// proxy.ts, route handlers, pages and scripts/server.mjs (which reads `failedAt` to turn the
// 500 of the page that discovered the outage into the 503 page) see the same circuit.

const PROBE_MS = 500;
/** Without a probe registered, a failure holds the circuit open this long. */
const OPEN_MS = 1_000;

interface CircuitState {
  /** When the last failure was recorded; 0 while the database is believed up. */
  failedAt: number;
  probe?: () => Promise<void>;
  timer?: ReturnType<typeof setTimeout>;
}

const g = globalThis as unknown as { __sreDbCircuit?: CircuitState };
const state = (): CircuitState => {
  g.__sreDbCircuit ??= { failedAt: 0 };
  return g.__sreDbCircuit;
};

export class DatabaseUnavailableError extends DomainError {
  readonly code = 'DB_UNAVAILABLE';
  constructor() {
    super('The database is unavailable; retry in a few seconds', 503);
  }
}

/** The check the background probe runs (a `select 1` with a short deadline); set once at start-up. */
export function setDatabaseProbe(probe: () => Promise<void>): void {
  state().probe = probe;
}

/** True while the database is known to be down (requests should not wait on it). */
export function circuitOpen(now = Date.now()): boolean {
  const s = state();
  if (s.failedAt === 0) return false;
  return s.probe ? true : now - s.failedAt < OPEN_MS;
}

/** Throws a 503 at once while the circuit is open. */
export function assertDatabaseAvailable(): void {
  if (circuitOpen()) throw new DatabaseUnavailableError();
}

export function recordDatabaseFailure(now = Date.now()): void {
  const s = state();
  const wasClosed = s.failedAt === 0;
  s.failedAt = now;
  if (wasClosed && s.probe && !s.timer) scheduleProbe();
}

/**
 * The database answered a query sent at `sentAt`: closes the circuit, unless a failure was
 * recorded after that query was sent (a late answer from before the outage proves nothing).
 */
export function recordDatabaseSuccess(sentAt = Number.POSITIVE_INFINITY): void {
  const s = state();
  if (s.failedAt > sentAt) return;
  s.failedAt = 0;
  if (s.timer) clearTimeout(s.timer);
  s.timer = undefined;
}

function scheduleProbe() {
  const s = state();
  s.timer = setTimeout(async () => {
    s.timer = undefined;
    const sentAt = Date.now();
    try {
      await withDeadline(s.probe?.() ?? Promise.resolve(), 1_500, false);
      recordDatabaseSuccess(sentAt);
    } catch {
      // still down: probe again below
    }
    if (s.failedAt !== 0 && !s.timer) scheduleProbe();
  }, PROBE_MS);
  s.timer.unref?.();
}

/** Runs `work` with a deadline; past it the caller gets a 503 (the query may still finish later). */
export async function withDeadline<T>(work: Promise<T>, ms: number, trip = true): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          if (trip) recordDatabaseFailure();
          reject(new DatabaseUnavailableError());
        }, ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
