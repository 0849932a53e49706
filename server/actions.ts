import { unstable_rethrow } from 'next/navigation';
import { getDb } from '@/db';
import type { DB } from '@/db/client';
import { assertDatabaseAvailable, recordDatabaseFailure } from '@/db/platform/circuit';
import type { ActionState } from '@/lib/action-state';
import type { Actor } from '@/lib/audit';
import type { Role } from '@/lib/auth/roles';
import { isConnectionError, isDataError, isTimeoutError } from '@/lib/db-errors';
import { DomainError, ValidationError } from '@/lib/errors';
import { formProblems } from '@/lib/validation/form-input';
import { actorOf, requireUser, type SessionUser } from '@/server/guard';

export type { ActionState };

/** What every guarded action is handed: the database, the audited actor and the signed-in user. */
export interface ActionContext {
  db: DB;
  actor: Actor;
  user: SessionUser;
}

type Handler<T> = (ctx: ActionContext, form: FormData) => Promise<{ message: string; data?: T } | undefined>;

/**
 * Every server action goes through this: it is a public endpoint, so it loads the
 * user, checks the role on the server, and maps domain errors to a form state.
 */
export function guardedAction<T = unknown>(role: Role, handler: Handler<T>) {
  return async (_prev: ActionState<T>, form: FormData): Promise<ActionState<T>> => {
    try {
      assertDatabaseAvailable();
      const user = await requireUser(role);
      if (!(form instanceof FormData))
        throw new ValidationError('Send the form as form data', { form: ['missing'] });
      const problems = formProblems(form);
      if (problems) throw new ValidationError(`Check ${Object.keys(problems).join(', ')}`, problems);
      const result = await handler({ db: await getDb(), actor: actorOf(user), user }, form);
      return { ok: true, message: result?.message, data: result?.data };
    } catch (err) {
      unstable_rethrow(err);
      const values = form instanceof FormData ? formValues(form) : {};
      if (err instanceof ValidationError)
        return { ok: false, message: err.message, fieldErrors: err.fieldErrors, values };
      // Before DomainError: the circuit's own 503 is one too, and gets the same words.
      if (isConnectionError(err) || isTimeoutError(err)) {
        recordDatabaseFailure();
        return {
          ok: false,
          message: 'The database is unavailable; nothing was saved. Retry shortly.',
          values,
        };
      }
      if (err instanceof DomainError) return { ok: false, message: err.message, values };
      console.error('server action failed', err);
      if (isDataError(err))
        return {
          ok: false,
          message: 'A value in the form is not acceptable (encoding or range); nothing was saved.',
          values,
        };
      return { ok: false, message: 'Something went wrong on the server; nothing was saved.', values };
    }
  };
}

export function formValues(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value === 'string' && !key.startsWith('$ACTION')) out[key] = value;
  }
  return out;
}

/** A form field as a plain object for zod: repeated keys become arrays only where asked. */
export function formObject(form: FormData, arrays: string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith('$ACTION')) continue;
    out[key] = arrays.includes(key) ? form.getAll(key).map(String) : String(form.get(key) ?? '');
  }
  for (const key of arrays) out[key] ??= [];
  return out;
}
