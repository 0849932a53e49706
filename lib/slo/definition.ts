// The shape of an SLO definition as the domain sees it (SPEC 1.2).
// The database row maps onto this; importers (OpenSLO) and generators
// (Prometheus rules) speak only this type.

export type SliKind = 'ratio' | 'latency';
export type BudgetingMethod = 'occurrences' | 'timeslices' | 'ratio-timeslices';
/** Whole days, 1–90; the UI offers 7, 28, 30 and 90 (SPEC 1.2), imports may bring others (OpenSLO 2w = 14). */
export type RollingDays = number;
export type CalendarUnit = 'week' | 'month' | 'quarter';

export type SloWindow =
  | { type: 'rolling'; days: RollingDays }
  | { type: 'calendar'; unit: CalendarUnit; timezone: string };

export type SloSource =
  | { type: 'push' }
  | {
      type: 'prometheus';
      /** PromQL selector or expression of the counter of good events (or the histogram bucket for latency). */
      goodQuery: string;
      /** PromQL selector or expression of the counter of all events. */
      totalQuery: string;
    };

export interface SloDefinition {
  slug: string;
  name: string;
  description: string;
  serviceSlug: string;
  sliKind: SliKind;
  /** Latency SLIs: the threshold in milliseconds the good requests are under. */
  latencyThresholdMs: number | null;
  /** e.g. 0.999 */
  target: number;
  window: SloWindow;
  budgetingMethod: BudgetingMethod;
  /** Timeslices: a minute is good when good/total ≥ this. Null for the other methods. */
  timesliceTarget: number | null;
  source: SloSource;
  /** Alerts are suppressed when the long window saw fewer events than this. */
  alertMinEvents: number | null;
}

export const ROLLING_DAYS: readonly RollingDays[] = [7, 28, 30, 90];
export const CALENDAR_UNITS: readonly CalendarUnit[] = ['week', 'month', 'quarter'];
export const BUDGETING_METHODS: readonly BudgetingMethod[] = [
  'occurrences',
  'timeslices',
  'ratio-timeslices',
];
