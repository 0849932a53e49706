'use client';

import { useActionState } from 'react';
import { SubmitButton } from '@/components/forms/submit-button';
import { useActionToast } from '@/components/forms/use-action-toast';
import { Label, Select } from '@/components/ui/input';
import type { ActionState } from '@/lib/action-state';

const LABELS = {
  off: 'Off — page alerts never open incidents',
  suggest: 'Suggest — a banner on the SLO offers "Declare incident"',
  open: 'Open — a page alert opens an incident by itself',
} as const;

/** Admins choose what a firing page alert of this service's SLOs does. */
export function IncidentModeForm({
  action,
  serviceId,
  mode,
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  serviceId: string;
  mode: keyof typeof LABELS;
}) {
  const [state, formAction] = useActionState(action, null);
  useActionToast(state);
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="id" value={serviceId} />
      <div className="grid gap-1.5">
        <Label htmlFor="incident-mode">When a page alert fires</Label>
        <Select id="incident-mode" name="mode" defaultValue={mode} className="max-w-full">
          {Object.entries(LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
      </div>
      <SubmitButton>Save</SubmitButton>
    </form>
  );
}
