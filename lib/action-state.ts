import type { FieldErrors } from './errors';

/** What a server action answers a form: shared by server/actions.ts and the form components. */
export type ActionState<T = unknown> = {
  ok: boolean;
  message?: string;
  fieldErrors?: FieldErrors;
  /** What was submitted, so a form with errors keeps the typed text. */
  values?: Record<string, string>;
  data?: T;
} | null;
