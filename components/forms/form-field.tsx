import type * as React from 'react';
import { Label } from '@/components/ui/input';
import type { ActionState } from '@/lib/action-state';

/** A labelled field whose error messages come from the server action's state. */
export function FormField({
  name,
  label,
  hint,
  state,
  children,
}: {
  name: string;
  label: string;
  hint?: string;
  state: ActionState;
  children: React.ReactNode;
}) {
  const errors = state?.fieldErrors?.[name];
  return (
    <div className="grid content-start gap-1.5">
      <Label htmlFor={name}>{label}</Label>
      {children}
      {errors?.length ? (
        <p id={`${name}-error`} className="text-sm text-destructive" role="alert">
          {errors.join('. ')}
        </p>
      ) : hint ? (
        <p className="text-xs text-muted-foreground">{hint}</p>
      ) : null}
    </div>
  );
}

/** Props for an input inside FormField: ids, invalid state, and the submitted value after an error. */
export function fieldProps(name: string, state: ActionState, initial?: string | number | null) {
  const invalid = Boolean(state?.fieldErrors?.[name]?.length);
  return {
    id: name,
    name,
    'aria-invalid': invalid || undefined,
    'aria-describedby': invalid ? `${name}-error` : undefined,
    defaultValue: state?.values?.[name] ?? (initial == null ? '' : String(initial)),
  };
}
