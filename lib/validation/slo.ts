import { z } from 'zod';
import { selectorProblem } from '@/lib/prometheus/selector';
import { BUDGETING_METHODS, CALENDAR_UNITS, ROLLING_DAYS, type SloWindow } from '@/lib/slo/definition';
import { isValidTimeZone } from '@/lib/slo/windows';
import { slugSchema } from './catalog';
import { dateProblem, MAX_DATE_MS, MIN_DATE_MS } from './dates';

const optionalNumber = z.preprocess(
  (v) => (v === '' || v === null || v === undefined ? null : v),
  z.coerce.number({ message: 'Must be a number' }).nullable(),
);

/** An SLO definition as stored (SPEC 1.2); the form and the API both end up here. */
export const sloInput = z
  .object({
    serviceId: z.string().uuid('Choose a service'),
    slug: slugSchema,
    name: z.string().trim().min(1, 'Name is required').max(120, 'At most 120 characters'),
    description: z.string().trim().max(2000, 'At most 2000 characters').default(''),
    sliKind: z.enum(['ratio', 'latency'], { message: 'ratio or latency' }),
    latencyThresholdMs: optionalNumber,
    target: z.coerce
      .number({ message: 'Must be a number' })
      .gt(0, 'Above 0%')
      .lt(1, 'Below 100%: a 100% target leaves no error budget'),
    windowType: z.enum(['rolling', 'calendar'], { message: 'rolling or calendar' }),
    windowDays: optionalNumber,
    calendarUnit: z.preprocess((v) => (v === '' ? null : v), z.enum(CALENDAR_UNITS).nullable().default(null)),
    timezone: z.string().trim().default('UTC'),
    budgetingMethod: z.enum(BUDGETING_METHODS, { message: 'occurrences, timeslices or ratio-timeslices' }),
    timesliceTarget: optionalNumber,
    sourceType: z.enum(['push', 'prometheus'], { message: 'push or prometheus' }).default('push'),
    goodQuery: z.preprocess(
      (v) => (v === '' || v === undefined ? null : v),
      z.string().trim().max(2000).nullable().default(null),
    ),
    totalQuery: z.preprocess(
      (v) => (v === '' || v === undefined ? null : v),
      z.string().trim().max(2000).nullable().default(null),
    ),
    alertMinEvents: optionalNumber,
    runbookUrl: z.preprocess(
      (v) => (v === '' ? null : v),
      z
        .string()
        .url('A full URL, e.g. https://wiki/runbook')
        .refine((v) => !/^[a-z][a-z0-9+.-]*:/i.test(v) || /^https?:\/\//i.test(v), 'Only http(s) links')
        .nullable()
        .default(null),
    ),
  })
  .superRefine((v, ctx) => {
    const fail = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (v.sliKind === 'latency' && !(v.latencyThresholdMs && v.latencyThresholdMs > 0)) {
      fail('latencyThresholdMs', 'A latency SLI needs a threshold in milliseconds above 0');
    }
    if (
      v.windowType === 'rolling' &&
      !(Number.isInteger(v.windowDays) && (v.windowDays as number) >= 1 && (v.windowDays as number) <= 90)
    ) {
      fail(
        'windowDays',
        `A rolling window is a whole number of days from 1 to 90 (usually ${ROLLING_DAYS.join(', ')})`,
      );
    }
    if (v.windowType === 'calendar') {
      if (!v.calendarUnit) fail('calendarUnit', 'A calendar window is a week, month or quarter');
      if (!isValidTimeZone(v.timezone))
        fail('timezone', `Unknown time zone "${v.timezone}" (use an IANA name such as Europe/Berlin)`);
    }
    if (v.budgetingMethod === 'timeslices') {
      if (v.timesliceTarget === null || !(v.timesliceTarget > 0 && v.timesliceTarget <= 1)) {
        fail('timesliceTarget', 'Timeslices need a per-minute target above 0 and at most 1 (e.g. 0.95)');
      }
    }
    if (v.sourceType === 'prometheus') {
      for (const key of ['goodQuery', 'totalQuery'] as const) {
        const problem = selectorProblem(v[key] ?? '');
        if (problem) fail(key, problem);
      }
    }
    if (v.alertMinEvents !== null && !(Number.isInteger(v.alertMinEvents) && v.alertMinEvents >= 0)) {
      fail('alertMinEvents', 'A whole number of events, 0 or more');
    }
  })
  .transform((v) => ({
    ...v,
    latencyThresholdMs: v.sliKind === 'latency' ? v.latencyThresholdMs : null,
    windowDays: v.windowType === 'rolling' ? v.windowDays : null,
    calendarUnit: v.windowType === 'calendar' ? v.calendarUnit : null,
    timezone: v.windowType === 'calendar' ? v.timezone : 'UTC',
    timesliceTarget: v.budgetingMethod === 'timeslices' ? v.timesliceTarget : null,
    goodQuery: v.sourceType === 'prometheus' ? v.goodQuery : null,
    totalQuery: v.sourceType === 'prometheus' ? v.totalQuery : null,
  }));
export type SloInput = z.infer<typeof sloInput>;

/** The window of a stored SLO row as the math wants it. */
export function windowOf(row: {
  windowType: string;
  windowDays: number | null;
  calendarUnit: string | null;
  timezone: string;
}): SloWindow {
  if (row.windowType === 'calendar') {
    return { type: 'calendar', unit: (row.calendarUnit ?? 'month') as 'month', timezone: row.timezone };
  }
  return { type: 'rolling', days: (row.windowDays ?? 30) as 30 };
}

export function describeWindow(w: SloWindow): string {
  if (w.type === 'rolling') return `${w.days}d rolling`;
  return `calendar ${w.unit}${w.timezone !== 'UTC' ? ` (${w.timezone})` : ''}`;
}

/** Samples body of POST /api/v1/slos/{slug}/samples (SPEC 3). */
export const MAX_SAMPLES_PER_REQUEST = 10_000;

/** A correction date: a real calendar instant between 2000 and 2099 (2026-02-30 is refused, not rolled over). */
const correctionDate = (message: string) =>
  z
    .unknown()
    .superRefine((v, ctx) => {
      const problem = typeof v === 'string' ? dateProblem(v) : v instanceof Date ? null : message;
      if (problem)
        ctx.addIssue({ code: 'custom', message: problem === message ? message : `Date ${problem}` });
    })
    .pipe(z.coerce.date({ message }))
    .refine((d) => d.getTime() >= MIN_DATE_MS && d.getTime() < MAX_DATE_MS, 'Between 2000 and 2099');

/** The longest correction: a quarter. A longer one would hide most of any window. */
export const MAX_CORRECTION_DAYS = 92;

export const correctionInput = z
  .object({
    startsAt: correctionDate('A start date and time'),
    endsAt: correctionDate('An end date and time'),
    reason: z.string().trim().min(3, 'Say why (at least 3 characters)').max(500, 'At most 500 characters'),
  })
  .refine((v) => v.endsAt > v.startsAt, { path: ['endsAt'], message: 'The end must be after the start' })
  .refine((v) => Number(v.endsAt) - Number(v.startsAt) <= MAX_CORRECTION_DAYS * 86_400_000, {
    path: ['endsAt'],
    message: `A correction covers at most ${MAX_CORRECTION_DAYS} days`,
  });
