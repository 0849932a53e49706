// How far back a Prometheus SLO needs data (SPEC 1.2): the longest window any number or alert
// of the SLO looks at — the window itself (a calendar one from its period start), the 3-day
// displayed burn, and the tier-4 alert window scaled to the SLO window (3 d × W ÷ 30 d).
import type { SloWindow } from '@/lib/slo/definition';
import { calendarPeriod, windowLengthMinutes } from '@/lib/slo/windows';

const MIN = 60_000;
const DAY = 1440 * MIN;
/** The longest displayed burn-rate lookback. */
export const LONGEST_LOOKBACK_MS = 3 * DAY;

/** W in days for scaling the alert windows: rolling N; calendar week 7, month 30, quarter 90 (SPEC 2). */
export function nominalDays(window: SloWindow): number {
  if (window.type === 'rolling') return window.days;
  return { week: 7, month: 30, quarter: 90 }[window.unit];
}

export function backfillStart(window: SloWindow, end: Date): Date {
  const lengthMs = windowLengthMinutes(window, end) * MIN;
  const windowStart =
    window.type === 'calendar'
      ? Math.min(calendarPeriod(window, new Date(end.getTime() - MIN)).start.getTime(), end.getTime() - MIN)
      : end.getTime() - lengthMs;
  const tier4 = (3 * DAY * nominalDays(window)) / 30;
  return new Date(Math.min(windowStart, end.getTime() - LONGEST_LOOKBACK_MS, end.getTime() - tier4));
}
