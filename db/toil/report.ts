// One screen's worth of toil numbers (SPEC 1.4) for a team or every team over
// a date range: SQL sums (db/queries/toil), formulas from lib/toil.

import type { Executor } from '@/db/client';
import type { Automatable, RankedAutomationCandidate } from '@/lib/toil/aggregates';
import { isOverCap, rankTaskAggregates, taskKey, toilPercent } from '@/lib/toil/aggregates';
import type { DateRange, Period } from '@/lib/toil/periods';
import { daysInclusive, monthsOf, weeksOf } from '@/lib/toil/periods';
import type { PeriodToil, TeamCapacity } from '@/lib/toil/report';
import { capacityOf, periodToil, shareOf } from '@/lib/toil/report';
import { automationEstimates } from './estimates';
import { getToilSettings } from './settings';
import type { PeriodSum } from './sums';
import { sumsByCategory, sumsByTeamMonth, sumsByTeamWeek, taskTotals, teamCapacities } from './sums';

export type ReportTeam = TeamCapacity & { id: string; slug: string; name: string };

export interface TeamToil extends ReportTeam {
  minutes: number;
  capacityMinutes: number;
  fraction: number | null;
  overCap: boolean;
  interruptShare: number | null;
  afterHoursShare: number | null;
  weeks: PeriodToil[];
  months: PeriodToil[];
}

export interface ToilReport {
  range: DateRange;
  cap: number;
  defaultEstimateHours: number;
  allTeams: ReportTeam[];
  /** The selected team, or null for every team. */
  team: ReportTeam | null;
  /** One row per team in scope. */
  teams: TeamToil[];
  /** The scope as a whole (all teams in scope added up). */
  total: Omit<TeamToil, keyof ReportTeam> & {
    entries: number;
    interruptMinutes: number;
    afterHoursMinutes: number;
  };
  categories: Array<{ slug: string; name: string; minutes: number; entries: number; share: number | null }>;
  topTasks: Array<{
    task: string;
    categoryName: string;
    entries: number;
    minutes: number;
    avgMinutes: number;
    share: number | null;
    interruptShare: number | null;
    automatable: Automatable;
  }>;
  candidates: Array<RankedAutomationCandidate & { estimated: boolean }>;
}

function byPeriod(sums: readonly PeriodSum[], teamId?: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of sums)
    if (!teamId || s.teamId === teamId) out.set(s.period, (out.get(s.period) ?? 0) + s.minutes);
  return out;
}

function sumOf<T>(rows: readonly T[], pick: (row: T) => number): number {
  return rows.reduce((sum, row) => sum + pick(row), 0);
}

export async function loadToilReport(
  db: Executor,
  opts: { team?: string; range: DateRange },
): Promise<ToilReport> {
  const { range } = opts;
  const [settings, allTeams] = await Promise.all([getToilSettings(db), teamCapacities(db)]);
  const team = (opts.team && allTeams.find((t) => t.slug === opts.team)) || null;
  const scope = { ...range, teamId: team?.id ?? null };
  const [weekSums, monthSums, categories, tasks, estimates] = await Promise.all([
    sumsByTeamWeek(db, scope),
    sumsByTeamMonth(db, scope),
    sumsByCategory(db, scope),
    taskTotals(db, scope),
    automationEstimates(db, team?.id ?? null),
  ]);
  const weeks: Period[] = weeksOf(range);
  const months: Period[] = monthsOf(range);
  const days = daysInclusive(range);
  const cap = settings.cap;

  const inScope = team ? [team] : allTeams;
  const teams: TeamToil[] = inScope.map((t) => {
    const mine = weekSums.filter((s) => s.teamId === t.id);
    const minutes = sumOf(mine, (s) => s.minutes);
    const capacityMinutes = capacityOf([t], days);
    const fraction = toilPercent(minutes, capacityMinutes);
    return {
      ...t,
      minutes,
      capacityMinutes,
      fraction,
      overCap: isOverCap(fraction, cap),
      interruptShare: shareOf(
        sumOf(mine, (s) => s.interruptMinutes),
        minutes,
      ),
      afterHoursShare: shareOf(
        sumOf(mine, (s) => s.afterHoursMinutes),
        minutes,
      ),
      weeks: periodToil(weeks, byPeriod(weekSums, t.id), [t], range, cap),
      months: periodToil(months, byPeriod(monthSums, t.id), [t], range, cap),
    };
  });

  const minutes = sumOf(weekSums, (s) => s.minutes);
  const interruptMinutes = sumOf(weekSums, (s) => s.interruptMinutes);
  const afterHoursMinutes = sumOf(weekSums, (s) => s.afterHoursMinutes);
  const capacityMinutes = capacityOf(inScope, days);
  const fraction = toilPercent(minutes, capacityMinutes);

  const aggregates = tasks.map((t) => ({
    task: t.task,
    entryCount: t.entries,
    totalMinutes: t.minutes,
    automatable: t.automatable,
  }));
  const candidates = rankTaskAggregates(aggregates, {
    rangeDays: days,
    estimates,
    defaultEstimateHours: settings.defaultEstimateHours,
  }).map((c) => ({ ...c, estimated: taskKey(c.task) in estimates }));

  return {
    range,
    cap,
    defaultEstimateHours: settings.defaultEstimateHours,
    allTeams,
    team,
    teams,
    total: {
      minutes,
      entries: sumOf(weekSums, (s) => s.entries),
      interruptMinutes,
      afterHoursMinutes,
      capacityMinutes,
      fraction,
      overCap: isOverCap(fraction, cap),
      interruptShare: shareOf(interruptMinutes, minutes),
      afterHoursShare: shareOf(afterHoursMinutes, minutes),
      weeks: periodToil(weeks, byPeriod(weekSums), inScope, range, cap),
      months: periodToil(months, byPeriod(monthSums), inScope, range, cap),
    },
    categories: categories
      .map((c) => ({
        slug: c.slug,
        name: c.name,
        minutes: c.minutes,
        entries: c.entries,
        share: shareOf(c.minutes, minutes),
      }))
      .sort((a, b) => b.minutes - a.minutes || a.name.localeCompare(b.name)),
    topTasks: [...tasks]
      .sort((a, b) => b.minutes - a.minutes || a.task.localeCompare(b.task))
      .slice(0, 10)
      .map((t) => ({
        task: t.task,
        categoryName: t.categoryName,
        entries: t.entries,
        minutes: t.minutes,
        avgMinutes: t.minutes / t.entries,
        share: shareOf(t.minutes, minutes),
        interruptShare: shareOf(t.interruptMinutes, t.minutes),
        automatable: t.automatable,
      })),
    candidates,
  };
}
