// Honest wording of derived numbers (issue: nothing on screen may mislead).

import { formatTimeToExhaustion } from '@/lib/format';
import type { BudgetSummary } from './budget';
import type { SloWindow } from './definition';

const minutesText = (m: number) => `${Number(m.toFixed(m < 10 ? 2 : 1))} min`;

/** The budget would run out after the window ends: no point in a countdown ("115 d" on a 30-day SLO). */
export function exhaustsBeyondWindow(ttxMinutes: number | null, horizonMinutes: number): boolean {
  return ttxMinutes !== null && ttxMinutes > 0 && ttxMinutes > horizonMinutes;
}

/**
 * Minutes from `now` until the window's budget renews: the rest of a calendar
 * period, or W for a rolling window (whose end moves with it).
 */
export function exhaustionHorizonMinutes(
  window: SloWindow,
  now: Date,
  periodEnd: Date,
  windowMinutes: number,
): number {
  if (window.type === 'rolling') return windowMinutes;
  return Math.max(0, (periodEnd.getTime() - now.getTime()) / 60_000);
}

export function describeExhaustion(ttxMinutes: number | null, horizonMinutes: number): string {
  if (exhaustsBeyondWindow(ttxMinutes, horizonMinutes)) return 'not within this window';
  return formatTimeToExhaustion(ttxMinutes);
}

/** 'December', 'the week of Nov 30', 'Q4 2026' — the calendar period a budget belongs to. */
export function periodLabel(window: SloWindow, periodStart: Date): string {
  if (window.type === 'rolling') return `the last ${window.days} days`;
  const timeZone = window.timezone;
  if (window.unit === 'month')
    return new Intl.DateTimeFormat('en-US', { month: 'long', timeZone }).format(periodStart);
  if (window.unit === 'week') {
    return `the week of ${new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone }).format(periodStart)}`;
  }
  const parts = new Intl.DateTimeFormat('en-US', {
    month: 'numeric',
    year: 'numeric',
    timeZone,
  }).formatToParts(periodStart);
  const month = Number(parts.find((p) => p.type === 'month')?.value ?? 1);
  const year = parts.find((p) => p.type === 'year')?.value ?? '';
  return `Q${Math.floor((month - 1) / 3) + 1} ${year}`;
}

/**
 * A calendar timeslice budget is the whole period's minutes, so a low
 * attainment early in the month can still leave most of it: say so
 * ("223.2 min for December; 1 min used"). Null where the tile's own line is clear.
 */
export function calendarBudgetNote(
  window: SloWindow,
  budget: Pick<BudgetSummary, 'unit' | 'budgetTotal' | 'budgetConsumed' | 'attainment'>,
  periodStart: Date,
): string | null {
  if (window.type !== 'calendar' || budget.unit !== 'minutes' || budget.attainment === null) return null;
  return `${minutesText(budget.budgetTotal)} for ${periodLabel(window, periodStart)}; ${minutesText(budget.budgetConsumed)} used`;
}
