import { fractionToPercentText, parseTargetPercent, shiftDecimal } from '@/lib/slo/target';
import { fieldErrorsOf } from './catalog';
import { sloInput } from './slo';

/** '99.9' → 0.999 exactly (the decimal point is shifted, never divided); anything else is left for the schema to refuse. */
function percentToFraction(x: unknown): unknown {
  if (x === '' || x === undefined || x === null) return '';
  const text = String(x).trim().replace(/\s*%$/, '').replace(',', '.');
  return /^\d+(\.\d+)?$/.test(text) ? Number(shiftDecimal(text, -2)) : text;
}

/** The SLO form shows percentages and one combined window select; the schema stores fractions and parts. */
export function sloFormToInput(v: Record<string, unknown>): Record<string, unknown> {
  const pct = percentToFraction;
  const [windowType, windowValue] = String(v.window ?? '').split(':');
  return {
    ...v,
    target: pct(v.target),
    timesliceTarget: pct(v.timesliceTarget),
    windowType,
    windowDays: windowType === 'rolling' ? windowValue : '',
    calendarUnit: windowType === 'calendar' ? windowValue : '',
  };
}

const FIELD_OF: Record<string, string> = {
  windowType: 'window',
  windowDays: 'window',
  calendarUnit: 'window',
};

/** Validates form values; error keys are the form's own field names. */
export function validateSloForm(values: Record<string, unknown>) {
  // Targets are typed as percentages: 0.999 is refused ("did you mean 99.9 %?"), below 50 % must be confirmed.
  const target = parseTargetPercent(values.target, values.confirmLowTarget === 'on');
  const parsed = sloInput.safeParse(sloFormToInput(values));
  if (parsed.success && target.ok) return { ok: true as const, value: parsed.data, fieldErrors: {} };
  const errors: Record<string, string[]> = target.ok ? {} : { target: [target.message] };
  if (parsed.success) return { ok: false as const, fieldErrors: errors };
  for (const [k, msgs] of Object.entries(fieldErrorsOf(parsed.error))) {
    const key = FIELD_OF[k] ?? k;
    if (key === 'target' && errors.target) continue;
    errors[key] = [...(errors[key] ?? []), ...msgs];
  }
  return { ok: false as const, fieldErrors: errors };
}

/** The stored fields the form edits (an SLO row satisfies it). */
export interface SloFormSource {
  serviceId: string;
  slug: string;
  name: string;
  description: string;
  sliKind: string;
  latencyThresholdMs: number | null;
  target: number;
  windowType: string;
  calendarUnit: string | null;
  windowDays: number | null;
  timezone: string;
  budgetingMethod: string;
  timesliceTarget: number | null;
  alertMinEvents: number | null;
  runbookUrl: string | null;
  sourceType: string;
  sourceConfig: unknown;
}

export function sloToFormValues(s: SloFormSource): Record<string, string> {
  const pct = (x: number | null) => (x === null ? '' : fractionToPercentText(x));
  return {
    serviceId: s.serviceId,
    slug: s.slug,
    name: s.name,
    description: s.description,
    sliKind: s.sliKind,
    latencyThresholdMs: s.latencyThresholdMs === null ? '' : String(s.latencyThresholdMs),
    target: pct(s.target),
    confirmLowTarget: s.target < 0.5 ? 'on' : '',
    window: s.windowType === 'calendar' ? `calendar:${s.calendarUnit}` : `rolling:${s.windowDays}`,
    timezone: s.timezone,
    budgetingMethod: s.budgetingMethod,
    timesliceTarget: pct(s.timesliceTarget),
    alertMinEvents: s.alertMinEvents === null ? '' : String(s.alertMinEvents),
    runbookUrl: s.runbookUrl ?? '',
    sourceType: s.sourceType,
    goodQuery: String((s.sourceConfig as { goodQuery?: string })?.goodQuery ?? ''),
    badQuery: String((s.sourceConfig as { badQuery?: string })?.badQuery ?? ''),
    totalQuery: String((s.sourceConfig as { totalQuery?: string })?.totalQuery ?? ''),
  };
}
