// Toil % per period (SPEC 1.4): toil minutes ÷ (members × weekly hours × 60).
// SQL sums minutes per team and period; this turns the sums into fractions
// against the team's capacity for the days of each period that are in range.

import { DAYS_PER_WEEK, isOverCap, teamCapacityMinutes, toilPercent } from './aggregates';
import type { DateRange, Period } from './periods';
import { overlapDays } from './periods';

export interface TeamCapacity {
  members: number;
  weeklyHoursPerMember: number;
}

export interface PeriodToil {
  key: string;
  start: string;
  end: string;
  /** Days of the period inside the range; capacity counts only those. */
  days: number;
  /** The period is cut by the range (e.g. the current week or month). */
  partial: boolean;
  minutes: number;
  capacityMinutes: number;
  /** Toil as a fraction of capacity; null without capacity. */
  fraction: number | null;
  /** Above the cap over at least a week's days: a week in progress is shown but not flagged. */
  overCap: boolean;
}

function periodDays(period: Period): number {
  return overlapDays(period, { from: period.start, to: period.end });
}

/** Capacity of several teams added up, over `days` (a team of 0 members adds nothing). */
export function capacityOf(teams: readonly TeamCapacity[], days: number): number {
  return teams.reduce(
    (sum, team) => sum + teamCapacityMinutes(team.members, team.weeklyHoursPerMember, days),
    0,
  );
}

/**
 * Toil % per period for one team or a group of teams (their capacities add up).
 * `minutesByKey` holds the SQL sums keyed like the periods.
 */
export function periodToil(
  periods: readonly Period[],
  minutesByKey: ReadonlyMap<string, number>,
  teams: readonly TeamCapacity[],
  range: DateRange,
  cap: number,
): PeriodToil[] {
  return periods.map((period) => {
    const days = overlapDays(period, range);
    const minutes = minutesByKey.get(period.key) ?? 0;
    const capacityMinutes = capacityOf(teams, days);
    const fraction = toilPercent(minutes, capacityMinutes);
    const partial = days < periodDays(period);
    return {
      key: period.key,
      start: period.start,
      end: period.end,
      days,
      partial,
      minutes,
      capacityMinutes,
      fraction,
      // A few days of a week read high or low (weekends have no toil but count as capacity).
      overCap: days >= DAYS_PER_WEEK && isOverCap(fraction, cap),
    };
  });
}

/** A share such as interrupt minutes ÷ all toil minutes; null when there is no toil. */
export function shareOf(part: number, total: number): number | null {
  return total > 0 ? part / total : null;
}
