// The error budget an incident window consumed, per affected SLO (SPEC 1.3, 2): the
// same formulas as the SLO pages (lib/slo/budget), applied to the incident's
// [started, resolved) for the consumption and to the SLO window that ends with the
// incident for the budget it is measured against.

import { formatCount, formatMinutes } from '@/lib/format';
import { computeBudget, type SliAggregate } from '@/lib/slo/budget';
import type { BudgetingMethod, SloWindow } from '@/lib/slo/definition';

export interface BudgetConsumedArgs {
  method: BudgetingMethod;
  target: number;
  window: SloWindow;
  /** Sums over the incident window, corrected minutes left out. */
  incident: SliAggregate;
  /** Sums over the SLO window that ends at the incident's end (occurrences measure the budget in its events). */
  sloWindow: SliAggregate;
  /** Full length of that SLO window (a calendar month's whole length). */
  windowMinutes: number;
  /** Minutes of the SLO window inside corrections. */
  correctedMinutes: number;
}

export interface BudgetConsumed {
  unit: 'events' | 'minutes';
  consumed: number;
  budgetTotal: number;
  /** consumed ÷ budgetTotal; null without a budget (no data in the window). */
  share: number | null;
  /** "18 min of 43.2 min monthly budget (42%)". */
  text: string;
}

export function windowAdjective(window: SloWindow): string {
  if (window.type === 'rolling') return `${window.days}-day`;
  return { week: 'weekly', month: 'monthly', quarter: 'quarterly' }[window.unit];
}

export function budgetConsumed(args: BudgetConsumedArgs): BudgetConsumed {
  const whole = computeBudget({
    method: args.method,
    target: args.target,
    agg: args.sloWindow,
    windowMinutes: args.windowMinutes,
    correctedMinutes: args.correctedMinutes,
  });
  // The incident's own consumption: only the consumed count matters, the window length is irrelevant.
  const spent = computeBudget({
    method: args.method,
    target: args.target,
    agg: args.incident,
    windowMinutes: Math.max(1, args.incident.minutesWithData),
    correctedMinutes: 0,
  });
  const consumed = Math.max(0, spent.budgetConsumed);
  const budgetTotal = whole.budgetTotal;
  const share = budgetTotal > 0 ? consumed / budgetTotal : null;
  const pct = share === null ? 'no budget data' : `${Math.round(share * 100)}%`;
  const adjective = windowAdjective(args.window);
  const text =
    whole.unit === 'minutes'
      ? `${formatMinutes(consumed)} of ${formatMinutes(budgetTotal)} ${adjective} budget (${pct})`
      : `${formatCount(consumed)} of ${formatCount(budgetTotal)} bad events of the ${adjective} budget (${pct})`;
  return { unit: whole.unit, consumed, budgetTotal, share, text };
}
