import { describe, expect, it } from 'vitest';
import { accountDelaySeconds, MAX_ACCOUNT_DELAY_S } from './sign-in-delay';

describe('anyone can lock any account (issue 9 item 12)', () => {
  const now = Date.UTC(2026, 10, 1, 10);
  it('below the limit nothing waits', () => {
    expect(accountDelaySeconds(4, new Date(now), 5, now)).toBe(0);
  });
  it('past the limit the wait doubles, capped at one minute', () => {
    expect(accountDelaySeconds(5, new Date(now), 5, now)).toBe(1);
    expect(accountDelaySeconds(8, new Date(now), 5, now)).toBe(8);
    expect(accountDelaySeconds(500, new Date(now), 5, now)).toBe(MAX_ACCOUNT_DELAY_S);
    expect(accountDelaySeconds(500, new Date(now - 61_000), 5, now)).toBe(0);
  });
});
