import { z } from 'zod';
import { validateCreditTiers } from '@/lib/reports/credits';

// An SLA as services receive it (fractions); forms send percentages and convert with slaFormToInput.

const noNul = (s: string) => !s.includes('\u0000');

export const slaInput = z
  .object({
    serviceId: z.string().uuid('Choose a service'),
    name: z
      .string()
      .trim()
      .min(1, 'Name is required')
      .max(120, 'At most 120 characters')
      .refine(noNul, 'Contains a NUL character'),
    target: z.coerce
      .number({ message: 'Enter a percentage such as 99.5' })
      .refine(Number.isFinite, 'Enter a percentage such as 99.5')
      .gt(0.5, 'At least 50 %')
      .lt(1, 'Below 100 %'),
    description: z
      .string()
      .trim()
      .max(4000, 'At most 4000 characters')
      .refine(noNul, 'Contains a NUL character')
      .default(''),
    sloIds: z
      .array(z.string().uuid('Unknown SLO'))
      .min(1, 'Choose at least one SLO that measures it')
      .max(20),
    creditTiers: z
      .array(z.object({ below: z.coerce.number(), creditPercent: z.coerce.number() }))
      .max(10, 'At most 10 credit tiers')
      .default([]),
  })
  .superRefine((v, ctx) => {
    for (const e of validateCreditTiers(v.creditTiers, v.target))
      ctx.addIssue({ code: 'custom', path: ['creditTiers', e.index, e.field], message: e.message });
  });
export type SlaInput = z.infer<typeof slaInput>;

/** Form fields (percentages, tier rows as parallel lists) → the service input (fractions). */
export function slaFormToInput(v: {
  serviceId: string;
  name: string;
  target: string;
  description: string;
  sloIds: string[];
  tierBelow: string[];
  tierCredit: string[];
}): Record<string, unknown> {
  const fraction = (s: string) => (s.trim() === '' ? Number.NaN : Number(s) / 100);
  const creditTiers = v.tierBelow
    .map((below, i) => ({ below: below.trim(), credit: (v.tierCredit[i] ?? '').trim() }))
    .filter((t) => t.below !== '' || t.credit !== '')
    .map((t) => ({
      below: fraction(t.below),
      creditPercent: t.credit === '' ? Number.NaN : Number(t.credit),
    }));
  return {
    serviceId: v.serviceId,
    name: v.name,
    target: v.target.trim() === '' ? '' : Number(v.target) / 100,
    description: v.description,
    sloIds: v.sloIds,
    creditTiers,
  };
}
