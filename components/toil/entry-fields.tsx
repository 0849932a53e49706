'use client';

import { Label } from '@/components/ui/input';
import type { FieldErrors } from '@/lib/errors';
import type { EntryValues } from './types';

/** A labelled field of the entry form whose messages come from the server's field errors. */
export function Field({
  name,
  label,
  errors,
  hint,
  className,
  children,
}: {
  name: string;
  label: string;
  errors?: FieldErrors;
  hint?: React.ReactNode;
  className?: string;
  children: React.ReactNode;
}) {
  const messages = errors?.[name];
  return (
    <div className={`grid content-start gap-1.5 ${className ?? ''}`}>
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

/** Ids and invalid state for a controlled input inside Field. */
export function invalid(name: string, errors?: FieldErrors) {
  const bad = Boolean(errors?.[name]?.length);
  return {
    id: name,
    name,
    'aria-invalid': bad || undefined,
    'aria-describedby': bad ? `${name}-error` : undefined,
  };
}

/** The interrupt and after-hours checkboxes. */
export function Flags({
  values,
  onChange,
}: {
  values: EntryValues;
  onChange: (patch: Partial<EntryValues>) => void;
}) {
  return (
    <div className="flex h-9 flex-wrap items-center gap-4 text-sm">
      <label className="flex items-center gap-1.5">
        <input
          type="checkbox"
          name="interrupt"
          checked={values.interrupt}
          onChange={(e) => onChange({ interrupt: e.target.checked })}
        />
        Interrupt
      </label>
      <label className="flex items-center gap-1.5">
        <input
          type="checkbox"
          name="after_hours"
          checked={values.after_hours}
          onChange={(e) => onChange({ after_hours: e.target.checked })}
        />
        After hours
      </label>
    </div>
  );
}
