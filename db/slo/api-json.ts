import type { SloStatusView } from './status';

export const round = (v: number | null, digits = 6) =>
  v === null ? null : Math.round(v * 10 ** digits) / 10 ** digits;

/** The JSON shape of an SLO in the machine API: the same numbers the pages show (SPEC 3). */
export function sloToJson(v: SloStatusView) {
  return {
    slug: v.slo.slug,
    name: v.slo.name,
    service: v.slo.serviceSlug,
    team: v.slo.teamSlug,
    sliKind: v.slo.sliKind,
    target: v.slo.target,
    window: v.window,
    budgetingMethod: v.slo.budgetingMethod,
    timesliceTarget: v.slo.timesliceTarget,
    windowStart: v.range.start.toISOString(),
    windowEnd: v.range.end.toISOString(),
    attainment: round(v.budget.attainment, 9),
    budgetRemaining: {
      fraction: round(v.budget.remaining),
      unit: v.budget.unit,
      total: round(v.budget.budgetTotal, 3),
      consumed: round(v.budget.budgetConsumed, 3),
      left: round(v.budget.budgetTotal - v.budget.budgetConsumed, 3),
    },
    correctedMinutes: v.correctedMinutes,
    status: v.status,
    burnRates: Object.fromEntries(Object.entries(v.burnRates).map(([k, b]) => [k, round(b, 4)])),
    timeToExhaustionMinutes: round(v.timeToExhaustionMinutes, 1),
    exhaustsWithinWindow: v.timeToExhaustionMinutes === null ? null : !v.exhaustsBeyondWindow,
    pagingBurn: round(v.pagingBurn, 4),
    alerts: v.alerts.map((a) => ({
      tier: a.tier,
      severity: a.severity,
      longWindow: a.long,
      shortWindow: a.short,
      longWindowMinutes: a.longMinutes,
      shortWindowMinutes: a.shortMinutes,
      factor: round(a.factor, 4),
      longBurn: round(a.longBurn, 4),
      shortBurn: round(a.shortBurn, 4),
      firing: a.firing,
      suppressed: a.suppressed,
    })),
    alertsFiring: v.firing.map((a) => ({
      tier: a.tier,
      severity: a.severity,
      longWindow: a.long,
      shortWindow: a.short,
      factor: round(a.factor, 4),
      longBurn: round(a.longBurn, 4),
      shortBurn: round(a.shortBurn, 4),
    })),
  };
}
