import { z } from 'zod';
import { slugSchema } from '@/lib/validation/catalog';

// Client components import ./slug directly (it needs no zod).
export { slugify } from './slug';

/** Alert names as Prometheus writes them (the `alertname` label): safe in a URL path segment too. */
export const ALERT_NAME = /^[A-Za-z_][A-Za-z0-9_:.-]{0,127}$/;
export const MAX_BODY_CHARS = 200_000;

// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const alertNames = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : v.split(/[\s,]+/)))
  .transform((v) => [...new Set(v.map((a) => a.trim()).filter(Boolean))])
  .pipe(
    z
      .array(z.string())
      .max(50, 'At most 50 alert names')
      .superRefine((names, ctx) => {
        const bad = names.filter((a) => !ALERT_NAME.test(a));
        if (bad.length)
          ctx.addIssue({
            code: 'custom',
            message: `Not an alert name: ${bad.slice(0, 3).join(', ').slice(0, 120)} (letters, digits, _ : . - like Prometheus)`,
          });
      }),
  );

const optionalId = (message: string) =>
  z
    .string()
    .trim()
    .transform((v) => v || null)
    .pipe(z.string().uuid(message).nullable());

export const runbookInput = z.object({
  slug: slugSchema,
  title: z
    .string()
    .trim()
    .min(1, 'Title is required')
    .max(200, 'At most 200 characters')
    .refine((v) => !CONTROL.test(v), 'No control characters'),
  serviceId: optionalId('Choose a service').default(null),
  ownerTeamId: optionalId('Choose a team').default(null),
  alertNames: alertNames.default([]),
  reviewIntervalDays: z.coerce
    .number({ message: 'Must be a number of days' })
    .int('Whole days only')
    .min(1, 'At least 1 day')
    .max(3650, 'At most 3650 days'),
  body: z
    .string()
    .max(MAX_BODY_CHARS, `At most ${MAX_BODY_CHARS.toLocaleString('en')} characters`)
    .refine((v) => !CONTROL.test(v.replace(/\t/g, '')), 'No control characters (NUL and the like)')
    .transform((v) => v.replace(/\r\n?/g, '\n')),
});
export type RunbookInput = z.infer<typeof runbookInput>;
