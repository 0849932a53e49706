import type { z } from 'zod';
import { ValidationError } from '@/lib/errors';
import { fieldErrorsOf } from '@/lib/validation/catalog';

/** Validates input at the service boundary: services are called by forms, the API and scripts alike. */
export function parseOrThrow<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    const fields = Object.keys(fieldErrors).join(', ');
    throw new ValidationError(`Invalid ${fields}`, fieldErrors);
  }
  return parsed.data;
}
