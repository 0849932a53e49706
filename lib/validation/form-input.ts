// Checks every server action runs before its handler (SPEC 7): NUL bytes and invalid
// UTF-8 in any field, and ids that are not UUIDs, are field errors — never a 500.
import type { FieldErrors } from '@/lib/errors';
import { isUuid, textProblem } from './params';

/** Fields that carry a row id: `id` and `…Id` (e.g. sloId, teamId), when not empty. */
const ID_FIELD = /^(id|[a-z][A-Za-z]*Id)$/;

/** Field errors for the whole form, or null when every field is clean. */
export function formProblems(form: FormData, maxFieldChars = 2_100_000): FieldErrors | null {
  const out: FieldErrors = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith('$ACTION')) continue;
    const field = textProblem(key, 200) ? 'form' : key;
    if (typeof value !== 'string') continue;
    const problem = textProblem(value, maxFieldChars);
    if (problem) out[field] = [problem];
    else if (ID_FIELD.test(key) && value !== '' && !isUuid(value)) out[field] = ['must be a valid id (UUID)'];
  }
  return Object.keys(out).length ? out : null;
}
