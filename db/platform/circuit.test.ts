import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { unavailableBody } from '@/lib/http/unavailable.mjs';
import {
  assertDatabaseAvailable,
  circuitOpen,
  DatabaseUnavailableError,
  recordDatabaseFailure,
  recordDatabaseSuccess,
  setDatabaseProbe,
} from './circuit';

const g = globalThis as unknown as { __sreDbCircuit?: unknown };

describe('outage circuit (issue 9 item 14)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    delete g.__sreDbCircuit;
  });
  afterEach(() => {
    recordDatabaseSuccess();
    delete g.__sreDbCircuit;
    vi.useRealTimers();
  });

  it('opens on a failure and answers 503 at once', () => {
    expect(circuitOpen()).toBe(false);
    recordDatabaseFailure();
    expect(circuitOpen()).toBe(true);
    expect(() => assertDatabaseAvailable()).toThrow(DatabaseUnavailableError);
  });

  it('a late answer to a query sent before the outage does not close it', () => {
    setDatabaseProbe(() => Promise.reject(new Error('still down')));
    const sentBefore = Date.now();
    vi.advanceTimersByTime(10);
    recordDatabaseFailure();
    recordDatabaseSuccess(sentBefore);
    expect(circuitOpen()).toBe(true);
  });

  it('the probe closes it as soon as the database answers again', async () => {
    let up = false;
    const probe = vi.fn(() => (up ? Promise.resolve() : Promise.reject(new Error('ECONNREFUSED'))));
    setDatabaseProbe(probe);
    recordDatabaseFailure();
    await vi.advanceTimersByTimeAsync(1_600);
    expect(probe.mock.calls.length).toBeGreaterThanOrEqual(3);
    expect(circuitOpen()).toBe(true);
    up = true;
    await vi.advanceTimersByTimeAsync(600);
    expect(circuitOpen()).toBe(false);
  });

  it('the probe keeps probing after a failure recorded while it was in flight', async () => {
    let up = false;
    setDatabaseProbe(async () => {
      // A request still failing from before the restart records a failure meanwhile.
      recordDatabaseFailure(Date.now() + 1);
      if (!up) throw new Error('down');
    });
    recordDatabaseFailure();
    up = true;
    await vi.advanceTimersByTimeAsync(600);
    expect(circuitOpen()).toBe(true);
    setDatabaseProbe(async () => {});
    await vi.advanceTimersByTimeAsync(600);
    expect(circuitOpen()).toBe(false);
  });
});

describe('the 503 answer', () => {
  it('is JSON for the API and server actions, the page for everything else', () => {
    expect(JSON.parse(unavailableBody('/api/v1/slos', false).body)).toEqual({
      error: 'Database unavailable, retry shortly',
    });
    expect(unavailableBody('/slos', true).contentType).toBe('application/json');
    const page = unavailableBody('/slos', false);
    expect(page.contentType).toMatch(/^text\/html/);
    expect(page.body).toContain("The portal's database is unavailable");
    expect(page.body).not.toMatch(/select|Failed query|stack/i);
  });
});
