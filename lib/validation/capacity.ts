import { z } from 'zod';
import { slugSchema } from './catalog';

const number = (label: string) => z.coerce.number({ message: `${label} must be a number` });

/** A capacity resource as the form, scripts and the seed send it (SPEC 1.5). */
export const capacityResourceInput = z.object({
  serviceId: z.string().uuid('Choose a service'),
  slug: slugSchema,
  name: z.string().trim().min(1, 'Name is required').max(100, 'At most 100 characters'),
  unit: z.string().trim().min(1, 'Unit is required').max(30, 'At most 30 characters'),
  capacityPerInstance: number('Capacity').positive('Must be more than 0').max(1e15, 'At most 10¹⁵'),
  instances: number('Instances')
    .int('Whole instances only')
    .min(0, 'At least 0')
    .max(1_000_000, 'At most 1,000,000'),
  /** Percent in the form (70), stored as a fraction (0.7). */
  targetPercent: number('Target utilisation')
    .min(1, 'Between 1% and 100%')
    .max(100, 'Between 1% and 100%')
    .default(70),
  redundancy: number('Redundancy')
    .int('Whole instances only')
    .min(0, 'At least 0')
    .max(1000, 'At most 1000')
    .default(1),
  leadTimeDays: number('Lead time')
    .int('Whole days only')
    .min(0, 'At least 0')
    .max(730, 'At most 730 days')
    .default(30),
  promQuery: z
    .string()
    .trim()
    .max(2000, 'At most 2000 characters')
    .optional()
    .transform((v) => v || null),
});
export type CapacityResourceInput = z.infer<typeof capacityResourceInput>;

export const SCENARIO_KINDS = ['multiplier', 'growth'] as const;

export const capacityScenarioInput = z
  .object({
    name: z.string().trim().min(1, 'Name is required').max(60, 'At most 60 characters'),
    kind: z.enum(SCENARIO_KINDS, { message: 'Choose multiplier or growth' }),
    value: number('Value'),
  })
  .superRefine((s, ctx) => {
    if (s.kind === 'multiplier' && !(s.value > 0 && s.value <= 10_000))
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'A multiplier between 0 and 10,000' });
    if (s.kind === 'growth' && !(s.value > -100 && s.value <= 1000))
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'Growth between −100% and 1000% a month' });
  });
export type CapacityScenarioInput = z.infer<typeof capacityScenarioInput>;
