import type * as React from 'react';
import { Label } from '@/components/ui/input';
import type { ActionState } from '@/lib/action-state';
import type { FieldErrors } from '@/lib/errors';

/**
 * A labelled field whose error messages come from the server: either a server action's
 * `state` (uncontrolled forms) or the `errors` map a client form received (controlled forms).
 * The error replaces the hint while it is shown.
 */
export function FormField({
  name,
  label,
  hint,
  state,
  errors,
  className,
  children,
}: {
  name: string;
  label: string;
  hint?: React.ReactNode;
  state?: ActionState;
  errors?: FieldErrors;
  className?: string;
  children: React.ReactNode;
}) {
  const messages = (errors ?? state?.fieldErrors)?.[name];
  return (
    <div className={className ? `grid content-start gap-1.5 ${className}` : 'grid content-start gap-1.5'}>
      <Label htmlFor={name}>{label}</Label>
      {children}
      {messages?.length ? (
        <p id={`${name}-error`} className="text-sm text-destructive" role="alert">
          {messages.join('. ')}
        </p>
      ) : hint ? (
        <p className="text-xs text-muted-foreground">{hint}</p>
      ) : null}
    </div>
  );
}

/** Ids and invalid state for a controlled input inside FormField. */
export function invalidProps(name: string, errors?: FieldErrors) {
  const bad = Boolean(errors?.[name]?.length);
  return {
    id: name,
    name,
    'aria-invalid': bad || undefined,
    'aria-describedby': bad ? `${name}-error` : undefined,
  };
}

/** Props for an uncontrolled input inside FormField: ids, invalid state, and the submitted value after an error. */
export function fieldProps(name: string, state: ActionState, initial?: string | number | null) {
  return {
    ...invalidProps(name, state?.fieldErrors),
    defaultValue: state?.values?.[name] ?? (initial == null ? '' : String(initial)),
  };
}
