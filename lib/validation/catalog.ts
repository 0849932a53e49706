import { z } from 'zod';
import { ROLES, TOKEN_SCOPES } from '@/lib/auth/roles';

export const slugSchema = z
  .string()
  .trim()
  .min(2, 'At least 2 characters')
  .max(63, 'At most 63 characters')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Lowercase letters, digits and single dashes only');

const tagsSchema = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : v.split(',')))
  .transform((v) => [...new Set(v.map((t) => t.trim().toLowerCase()).filter(Boolean))])
  .pipe(z.array(z.string().max(40, 'Each tag at most 40 characters')).max(20, 'At most 20 tags'));

export const teamInput = z.object({
  slug: slugSchema,
  name: z.string().trim().min(1, 'Name is required').max(100, 'At most 100 characters'),
  description: z.string().trim().max(1000, 'At most 1000 characters').default(''),
  weeklyHoursPerMember: z.coerce
    .number({ message: 'Must be a number' })
    .int('Whole hours only')
    .min(1, 'At least 1 hour')
    .max(80, 'At most 80 hours'),
  memberIds: z.array(z.string().uuid('Unknown user')).default([]),
});
export type TeamInput = z.infer<typeof teamInput>;

export const serviceInput = z.object({
  slug: slugSchema,
  name: z.string().trim().min(1, 'Name is required').max(100, 'At most 100 characters'),
  description: z.string().trim().max(2000, 'At most 2000 characters').default(''),
  tier: z.coerce.number({ message: 'Must be a number' }).int().min(0, 'Tier 0–3').max(3, 'Tier 0–3'),
  ownerTeamId: z
    .string()
    .trim()
    .transform((v) => v || null)
    .pipe(z.string().uuid('Choose a team').nullable()),
  tags: tagsSchema.default([]),
});
export type ServiceInput = z.infer<typeof serviceInput>;

export const userInput = z.object({
  email: z.string().trim().toLowerCase().email('A valid email address'),
  name: z.string().trim().min(1, 'Name is required').max(100, 'At most 100 characters'),
  role: z.enum(ROLES, { message: 'viewer, engineer or admin' }),
  password: z
    .string()
    .transform((v) => v || undefined)
    .pipe(z.string().min(10, 'At least 10 characters').max(200).optional()),
});
export type UserInput = z.infer<typeof userInput>;

export const tokenInput = z.object({
  name: z.string().trim().min(1, 'Name is required').max(100, 'At most 100 characters'),
  scopes: z
    .array(z.enum(TOKEN_SCOPES, { message: `One of ${TOKEN_SCOPES.join(', ')}` }))
    .min(1, 'Choose at least one scope'),
});
export type TokenInput = z.infer<typeof tokenInput>;

/** Turns a zod error into { field: [messages] } for forms and API responses. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_';
    out[key] = [...(out[key] ?? []), issue.message];
  }
  return out;
}
