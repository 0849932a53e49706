// Review staleness (SPEC 1.6): a runbook is due `reviewIntervalDays` after its last review,
// or after it was written when nobody has reviewed it yet.
const DAY = 86_400_000;
/** Flag a runbook as "due soon" this many days before its review is due. */
export const DUE_SOON_DAYS = 14;

export type StalenessState = 'current' | 'due-soon' | 'overdue';

export interface Staleness {
  state: StalenessState;
  dueAt: Date;
  /** Whole days until the review is due; once overdue, minus the whole days since. */
  daysLeft: number;
  neverReviewed: boolean;
}

export function staleness(
  r: { lastReviewedAt: Date | null; createdAt: Date; reviewIntervalDays: number },
  now: Date = new Date(),
): Staleness {
  const since = r.lastReviewedAt ?? r.createdAt;
  const dueAt = new Date(since.getTime() + r.reviewIntervalDays * DAY);
  const msLeft = dueAt.getTime() - now.getTime();
  const daysLeft = msLeft >= 0 ? Math.floor(msLeft / DAY) : -Math.floor(-msLeft / DAY);
  const state: StalenessState = msLeft < 0 ? 'overdue' : daysLeft < DUE_SOON_DAYS ? 'due-soon' : 'current';
  return { state, dueAt, daysLeft, neverReviewed: r.lastReviewedAt === null };
}

export function stalenessLabel(s: Staleness): string {
  if (s.state === 'overdue') {
    const days = -s.daysLeft;
    return days <= 0 ? 'Review overdue since today' : `Review overdue by ${days} day${days === 1 ? '' : 's'}`;
  }
  if (s.state === 'due-soon') return s.daysLeft === 0 ? 'Review due today' : `Review due in ${s.daysLeft} d`;
  return s.neverReviewed ? 'Not reviewed yet' : `Reviewed, next in ${s.daysLeft} d`;
}
