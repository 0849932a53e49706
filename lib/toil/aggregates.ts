// Toil reports (SPEC 1.4): toil % against team capacity, and automation
// candidates ranked by payback. SQL sums the minutes; these are the formulas.

export const DEFAULT_TOIL_CAP = 0.5;
export const DAYS_PER_WEEK = 7;
/** Average days in a month (365.25 / 12), to turn a count over a range into a monthly frequency. */
export const DAYS_PER_MONTH = 30.44;

export const AUTOMATABLE_FRACTION = { none: 0, partial: 0.5, full: 1 } as const;
export type Automatable = keyof typeof AUTOMATABLE_FRACTION;
export const AUTOMATABLE_VALUES: readonly Automatable[] = ['none', 'partial', 'full'];

/**
 * Minutes the team works in `days`: members × weekly hours × 60 for a week
 * (SPEC 1.4), scaled by days ÷ 7 for other periods such as a month.
 */
export function teamCapacityMinutes(
  members: number,
  weeklyHoursPerMember: number,
  days = DAYS_PER_WEEK,
): number {
  return (members * weeklyHoursPerMember * 60 * days) / DAYS_PER_WEEK;
}

/** Toil as a fraction of capacity (0.5 = 50%); null when the team has no capacity. */
export function toilPercent(toilMinutes: number, capacityMinutes: number): number | null {
  if (capacityMinutes <= 0) return null;
  return toilMinutes / capacityMinutes;
}

/** A team is flagged only when strictly above the cap: exactly 50% is allowed. */
export function isOverCap(fraction: number | null, cap = DEFAULT_TOIL_CAP): boolean {
  return fraction !== null && fraction > cap;
}

/** Monday 00:00 UTC of the ISO week containing `date`. */
export function weekStart(date: Date): Date {
  const daysSinceMonday = (date.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() - daysSinceMonday));
}

/** 'YYYY-MM' of `date` in UTC. */
export function monthKey(date: Date): string {
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** Days in the UTC month containing `date`, for a month's capacity. */
export function daysInMonth(date: Date): number {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
}

export interface AutomationInput {
  task: string;
  entriesPerMonth: number;
  avgMinutes: number;
  automatable: Automatable;
  estimatedAutomationHours: number;
}

export interface AutomationCandidate extends AutomationInput {
  hoursSavedPerMonth: number;
  /** Null when automating saves nothing, so it never pays back. */
  paybackMonths: number | null;
}

/** SPEC 1.4: hours saved = frequency × minutes ÷ 60 × fraction; payback = estimate ÷ hours saved. */
export function automationCandidate(input: AutomationInput): AutomationCandidate {
  const hoursSavedPerMonth =
    (input.entriesPerMonth * input.avgMinutes * AUTOMATABLE_FRACTION[input.automatable]) / 60;
  const paybackMonths = hoursSavedPerMonth > 0 ? input.estimatedAutomationHours / hoursSavedPerMonth : null;
  return { ...input, hoursSavedPerMonth, paybackMonths };
}

export interface ToilEntryForRanking {
  task: string;
  date: Date;
  minutes: number;
  automatable: Automatable;
}

export interface RankingOptions {
  /** Length of the period the entries cover. */
  rangeDays: number;
  /** Estimated automation hours by task (matched case-insensitively). */
  estimates: Record<string, number>;
  defaultEstimateHours: number;
}

export interface RankedAutomationCandidate extends AutomationCandidate {
  entryCount: number;
  totalMinutes: number;
}

interface TaskGroup {
  latest: ToilEntryForRanking;
  count: number;
  totalMinutes: number;
}

/** The key tasks are grouped and estimated by: "  Rotate Certs " → "rotate certs". */
export function taskKey(task: string): string {
  return task.trim().toLowerCase();
}

function groupByTask(entries: readonly ToilEntryForRanking[]): Map<string, TaskGroup> {
  const groups = new Map<string, TaskGroup>();
  for (const entry of entries) {
    const key = taskKey(entry.task);
    if (key === '') continue;
    const group = groups.get(key);
    if (!group) {
      groups.set(key, { latest: entry, count: 1, totalMinutes: entry.minutes });
      continue;
    }
    group.count += 1;
    group.totalMinutes += entry.minutes;
    // The latest entry decides automatability and spelling; on equal dates the later row wins.
    if (entry.date.getTime() >= group.latest.date.getTime()) group.latest = entry;
  }
  return groups;
}

// Frequencies like count × 30.44 ÷ 91.32 carry floating-point noise; paybacks
// equal by hand (4 vs 3.999999999999999) must still tie.
function samePayback(a: number, b: number): boolean {
  if (a === b) return true;
  return (
    Number.isFinite(a) && Number.isFinite(b) && Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b))
  );
}

function byPayback(a: RankedAutomationCandidate, b: RankedAutomationCandidate): number {
  const paybackA = a.paybackMonths ?? Number.POSITIVE_INFINITY;
  const paybackB = b.paybackMonths ?? Number.POSITIVE_INFINITY;
  if (!samePayback(paybackA, paybackB)) return paybackA < paybackB ? -1 : 1;
  if (a.hoursSavedPerMonth !== b.hoursSavedPerMonth) return b.hoursSavedPerMonth - a.hoursSavedPerMonth;
  return a.task.localeCompare(b.task);
}

export interface TaskAggregate {
  /** Display spelling (the latest entry's). */
  task: string;
  entryCount: number;
  totalMinutes: number;
  /** The latest entry's automatability decides the task's. */
  automatable: Automatable;
}

/**
 * Automation candidates from per-task sums (as SQL returns them), quickest
 * payback first. Tasks whose latest entry says "none" are left out.
 */
export function rankTaskAggregates(
  tasks: readonly TaskAggregate[],
  opts: RankingOptions,
): RankedAutomationCandidate[] {
  if (opts.rangeDays <= 0) return [];
  const estimates = new Map(Object.entries(opts.estimates).map(([task, hours]) => [taskKey(task), hours]));
  const candidates: RankedAutomationCandidate[] = [];
  for (const group of tasks) {
    if (group.automatable === 'none' || group.entryCount <= 0) continue;
    const candidate = automationCandidate({
      task: group.task.trim(),
      entriesPerMonth: (group.entryCount * DAYS_PER_MONTH) / opts.rangeDays,
      avgMinutes: group.totalMinutes / group.entryCount,
      automatable: group.automatable,
      estimatedAutomationHours: estimates.get(taskKey(group.task)) ?? opts.defaultEstimateHours,
    });
    candidates.push({ ...candidate, entryCount: group.entryCount, totalMinutes: group.totalMinutes });
  }
  return candidates.sort(byPayback);
}

/**
 * Automation candidates from raw entries, quickest payback first. Tasks are
 * grouped case-insensitively; those whose latest entry says "none" are left out.
 */
export function rankAutomationCandidates(
  entries: readonly ToilEntryForRanking[],
  opts: RankingOptions,
): RankedAutomationCandidate[] {
  const tasks = [...groupByTask(entries).values()].map((group) => ({
    task: group.latest.task,
    entryCount: group.count,
    totalMinutes: group.totalMinutes,
    automatable: group.latest.automatable,
  }));
  return rankTaskAggregates(tasks, opts);
}
