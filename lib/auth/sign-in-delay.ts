// Per-account slow-down for sign-in (SPEC 7, README "Sign-in limit"): past the allowed
// failures, each further failure doubles the wait before the next attempt, capped at one
// minute — an attacker cannot lock the owner out, and guessing stays slow.

export const MAX_ACCOUNT_DELAY_S = 60;

/** Seconds to wait before this account may try again, given its recent failures. */
export function accountDelaySeconds(
  failures: number,
  lastFailureAt: Date | null,
  maxFailures: number,
  now = Date.now(),
): number {
  if (failures < maxFailures || !lastFailureAt) return 0;
  const wait = Math.min(2 ** (failures - maxFailures), MAX_ACCOUNT_DELAY_S);
  const left = lastFailureAt.getTime() + wait * 1000 - now;
  return left > 0 ? Math.ceil(left / 1000) : 0;
}
