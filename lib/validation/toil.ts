import { z } from 'zod';
import type { CsvRowError, ToilCsvColumn } from '@/lib/toil/csv';
import { slugSchema } from './catalog';

/** Admin settings for toil (SPEC 1.4): the cap and the default automation estimate. */
export interface ToilSettings {
  /** Fraction of capacity above which a team is flagged (0.5 = 50%). */
  cap: number;
  /** Hours assumed to automate a task nobody has estimated yet. */
  defaultEstimateHours: number;
}

export const DEFAULT_TOIL_SETTINGS: ToilSettings = { cap: 0.5, defaultEstimateHours: 40 };

/** The settings form: the cap is typed in percent. */
export const toilSettingsInput = z.object({
  capPercent: z.coerce
    .number({ message: 'Must be a number' })
    .gt(0, 'Above 0%')
    .max(100, 'At most 100%')
    .transform((v) => v / 100),
  defaultEstimateHours: z.coerce
    .number({ message: 'Must be a number' })
    .gt(0, 'More than 0 hours')
    .max(10_000, 'At most 10,000 hours'),
});

/** Stored settings, read back defensively: a bad value falls back to the default. */
export const toilSettingsStored = z.object({
  cap: z.number().gt(0).max(1),
  defaultEstimateHours: z.number().gt(0),
});

export const toilCategoryInput = z.object({
  name: z.string().trim().min(1, 'Name is required').max(60, 'At most 60 characters'),
  slug: z.preprocess((v) => (v === '' ? undefined : v), slugSchema.optional()),
  sortOrder: z.coerce
    .number({ message: 'Must be a number' })
    .int('A whole number')
    .min(0, 'At least 0')
    .max(1000, 'At most 1000')
    .default(0),
});
export type ToilCategoryInput = z.infer<typeof toilCategoryInput>;

export const automationEstimateInput = z.object({
  task: z.string().trim().min(1, 'Task is required').max(200, 'At most 200 characters'),
  hours: z.coerce
    .number({ message: 'Must be a number' })
    .gt(0, 'More than 0 hours')
    .max(10_000, 'At most 10,000 hours'),
  teamId: z
    .string()
    .trim()
    .default('')
    .transform((v) => v || null)
    .pipe(z.string().uuid('Unknown team').nullable()),
});
export type AutomationEstimateInput = z.infer<typeof automationEstimateInput>;

const cell = z.union([z.string(), z.number(), z.boolean()]).nullish();

/**
 * POST /api/v1/toil body. The entry's own fields are checked by the same
 * row validation as a CSV import, so API, form and import agree.
 */
export const toilApiInput = z.object({
  user: z.string().trim().toLowerCase().email('The email of the person who did the work'),
  team: z.string().trim().optional(),
  date: cell,
  task: cell,
  category: cell,
  minutes: cell,
  service: cell,
  interrupt: cell,
  afterHours: cell,
  automatable: cell,
  notes: cell,
});
export type ToilApiInput = z.infer<typeof toilApiInput>;

const text = (v: string | number | boolean | null | undefined) => (v == null ? '' : String(v));

/** The API body as a CSV-style record (after_hours spelled as the column). */
export function apiRecord(input: ToilApiInput, today: string): Record<ToilCsvColumn, string> {
  return {
    date: text(input.date) || today,
    task: text(input.task),
    category: text(input.category),
    minutes: text(input.minutes),
    service: text(input.service),
    interrupt: text(input.interrupt),
    after_hours: text(input.afterHours),
    automatable: text(input.automatable),
    notes: text(input.notes),
  };
}

/** Row errors as field errors; `rename` maps a CSV column to the caller's field name. */
export function rowFieldErrors(
  errors: readonly CsvRowError[],
  rename: (column: string) => string = (column) => column,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const error of errors) {
    const key = rename(error.column);
    out[key] = [...(out[key] ?? []), error.message];
  }
  return out;
}
