// Calendar checks shared by every date a client sends (SPEC 3 and 7): a date must
// name a real day (2026-02-30 is refused, not rolled over) and lie in a sensible range.

/** The largest per-minute count a sample may carry (SPEC 3). */
export const MAX_SAMPLE_COUNT = 1e15;

/** Earliest and latest dates the portal accepts anywhere (toil days, corrections, samples). */
export const MIN_DATE_MS = Date.UTC(2000, 0, 1);
export const MAX_DATE_MS = Date.UTC(2100, 0, 1);

/**
 * True when the `YYYY-MM-DD` at the start of `text` names a real calendar day
 * (and, when present, `THH:MM[:SS]` a real time of day).
 */
export function isRealCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d > daysInMonth) return false;
  if (m[4] !== undefined) {
    if (Number(m[4]) > 23 || Number(m[5]) > 59) return false;
    if (m[6] !== undefined && Number(m[6]) > 59) return false;
  }
  return true;
}

/** A problem with a date string, or null when it is a real day within the accepted range. */
export function dateProblem(text: string): string | null {
  if (!isRealCalendarDate(text)) return 'is not a real calendar date';
  const ms = Date.parse(text.length === 10 ? `${text}T00:00:00Z` : text);
  if (Number.isNaN(ms)) return 'is not a valid date';
  if (ms < MIN_DATE_MS || ms >= MAX_DATE_MS) return 'must be between 2000-01-01 and 2099-12-31';
  return null;
}
