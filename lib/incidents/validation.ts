// Input shapes of the incident verbs, validated at the service boundary (forms, API, scripts).

import { z } from 'zod';
import {
  ACTION_ITEM_PRIORITIES,
  ACTION_ITEM_STATUSES,
  ACTION_ITEM_TYPES,
  CHECKLIST_KEYS,
  INCIDENT_MODES,
  INCIDENT_STATUSES,
  MILESTONES,
  SECTION_KEYS,
  SEVERITIES,
  TIMELINE_KINDS,
} from './types';

/** Text without NUL bytes (PostgreSQL refuses them) up to `max` characters. */
export const text = (max: number, label = 'Text') =>
  z
    .string()
    .max(max, `At most ${max} characters`)
    .refine((s) => !s.includes('\u0000'), `${label} contains a NUL byte`);

const requiredTitle = text(200, 'Title')
  .transform((s) => s.trim())
  .pipe(z.string().min(1, 'Title is required'));

/** An instant from a form (`2026-11-10T10:00`, read as UTC) or an ISO string; empty → null. */
export const instant = z.union([z.string(), z.date(), z.null()]).transform((v, ctx) => {
  if (v === null || v === '') return null;
  if (v instanceof Date) return v;
  const s = /[zZ]|[+-]\d\d:?\d\d$/.test(v) ? v : `${v}Z`;
  const d = new Date(s);
  if (Number.isNaN(d.getTime()) || d.getUTCFullYear() < 2000 || d.getUTCFullYear() > 2200) {
    ctx.addIssue({ code: 'custom', message: 'Not a valid date and time' });
    return z.NEVER;
  }
  return d;
});

const uuidList = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : v ? v.split(',') : []))
  .transform((v) => [...new Set(v.map((s) => s.trim()).filter(Boolean))])
  .pipe(z.array(z.string().uuid('Unknown item')).max(50, 'At most 50'));

const optionalUser = z
  .union([z.string(), z.null()])
  .optional()
  .transform((v) => v || null)
  .pipe(z.string().uuid('Unknown user').nullable());

export const incidentInput = z.object({
  title: requiredTitle,
  severity: z.enum(SEVERITIES, { message: 'Choose SEV1–SEV4' }),
  summary: text(20_000, 'Summary').default(''),
  startedAt: instant.optional(),
  detectedAt: instant.optional(),
  serviceIds: uuidList.default([]),
  sloIds: uuidList.default([]),
  commanderId: optionalUser,
  commsId: optionalUser,
  scribeId: optionalUser,
});
export type IncidentInput = z.infer<typeof incidentInput>;

export const incidentStatusInput = z.object({
  status: z.enum(INCIDENT_STATUSES, { message: 'Unknown status' }),
});

export const milestoneInput = z.object({
  milestone: z.enum(MILESTONES, { message: 'Unknown milestone' }),
  at: instant.pipe(z.date({ message: 'Time is required' })),
});

export const timelineInput = z.object({
  kind: z.enum(TIMELINE_KINDS).default('note'),
  text: text(5000, 'Entry')
    .transform((s) => s.trim())
    .pipe(z.string().min(1, 'Write something')),
  at: instant.optional(),
});

export const sectionsInput = z.object(
  Object.fromEntries(SECTION_KEYS.map((k) => [k, text(100_000, 'Section').default('')])) as Record<
    (typeof SECTION_KEYS)[number],
    z.ZodDefault<ReturnType<typeof text>>
  >,
);

export const postmortemSaveInput = z.object({
  title: requiredTitle,
  sections: sectionsInput,
  expectedVersion: z.coerce.number().int().min(1),
});

export const reviewInput = z.object({
  decision: z.enum(['approved', 'changes_requested']),
  checklist: z.object(Object.fromEntries(CHECKLIST_KEYS.map((k) => [k, z.coerce.boolean().default(false)]))),
  comment: text(5000, 'Comment').default(''),
});

const isoDate = z
  .string()
  .transform((v) => v || null)
  .pipe(
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use YYYY-MM-DD')
      .refine(
        (d) =>
          !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) &&
          new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
        'Not a calendar date',
      )
      .nullable(),
  );

export const actionItemInput = z.object({
  title: requiredTitle,
  type: z.enum(ACTION_ITEM_TYPES, { message: 'Choose a type' }),
  priority: z.enum(ACTION_ITEM_PRIORITIES, { message: 'Choose P0–P3' }),
  ownerId: optionalUser,
  dueDate: isoDate.optional().transform((v) => v ?? null),
  trackerUrl: z
    .string()
    .optional()
    .transform((v) => v?.trim() || null)
    .pipe(
      z
        .string()
        .max(2000)
        .regex(/^https?:\/\/\S+$/i, 'Links must be http(s)')
        .nullable(),
    ),
});

export const actionItemStatusInput = z.object({
  ids: uuidList.pipe(z.array(z.string()).min(1, 'Select at least one item')),
  status: z.enum(ACTION_ITEM_STATUSES, { message: 'Unknown status' }),
});

export const incidentModeInput = z.object({
  mode: z.enum(INCIDENT_MODES, { message: 'off, suggest or open' }),
});
