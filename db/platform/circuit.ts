import { DomainError } from '@/lib/errors';

// A small health circuit shared by every request of this process (SPEC 7): after a
// connection failure, requests answer 503 at once for a moment instead of queueing on a
// dead database; one request a second goes through as a probe, and the first success
// closes the circuit again, so the portal recovers by itself.

const OPEN_MS = 1_000;

interface CircuitState {
  failedAt: number;
  probing: boolean;
}

const g = globalThis as unknown as { __sreDbCircuit?: CircuitState };
const state = (): CircuitState => {
  g.__sreDbCircuit ??= { failedAt: 0, probing: false };
  return g.__sreDbCircuit;
};

export class DatabaseUnavailableError extends DomainError {
  readonly code = 'DB_UNAVAILABLE';
  constructor() {
    super('The database is unavailable; retry in a few seconds', 503);
  }
}

/** True while the database failed within the last second (requests should not wait on it). */
export function circuitOpen(now = Date.now()): boolean {
  const s = state();
  return s.failedAt > 0 && now - s.failedAt < OPEN_MS;
}

/** Throws a 503 at once while the circuit is open. */
export function assertDatabaseAvailable(): void {
  if (circuitOpen()) throw new DatabaseUnavailableError();
}

export function recordDatabaseFailure(now = Date.now()): void {
  state().failedAt = now;
}

export function recordDatabaseSuccess(): void {
  state().failedAt = 0;
}

/** Runs `work` with a deadline; past it the caller gets a 503 (the query may still finish later). */
export async function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          recordDatabaseFailure();
          reject(new DatabaseUnavailableError());
        }, ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
