// Public surface of the SLO math (SPEC 1.2 and 2). Pure functions, no I/O.

export {
  ALERT_TIERS,
  type AlertEvaluation,
  type AlertSeverity,
  type AlertState,
  type AlertTier,
  alertState,
  alertWindowMinutes,
  alertWindows,
  type EvaluateAlertsArgs,
  evaluateAlerts,
  formatWindow,
  nominalWindowDays,
  pagingBurn,
  type ScaledAlertTier,
  scaleWindowMinutes,
  tierBurn,
} from './alerts';
export {
  type BudgetSummary,
  budgetFraction,
  type ComputeBudgetArgs,
  computeBudget,
  consumedUnits,
  EMPTY_AGGREGATE,
  errorRatioOf,
  type SliAggregate,
} from './budget';
export {
  burnOfAggregate,
  burnRate,
  isLookback,
  LOOKBACKS,
  type Lookback,
  lookbackMinutes,
  timeToExhaustionMinutes,
} from './burn';
export { mergeIntervals, overlapMinutes } from './corrections';
export * from './definition';
export {
  CHANGE_KINDS,
  type ChangeKind,
  DEFAULT_POLICY,
  type GateDecision,
  gateDecision,
  KNOWN_SLO_STATUSES,
  type KnownSloStatus,
  type Policy,
  type PolicyFieldError,
  type PolicyThresholds,
  parsePolicy,
  SLO_STATUSES,
  type SloStatus,
  STATUS_LABELS,
  statusFor,
  validatePolicy,
} from './policy';
export {
  type CurrentWindow,
  calendarPeriod,
  currentWindow,
  isValidTimeZone,
  monthRange,
  startOfPeriodInZone,
  type TimeRange,
  windowLengthMinutes,
  zoneOffsetMs,
} from './windows';
