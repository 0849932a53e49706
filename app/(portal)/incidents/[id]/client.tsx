'use client';

import { useActionState, useRef } from 'react';
import { SubmitButton } from '@/components/forms/submit-button';
import { useActionToast } from '@/components/forms/use-action-toast';
import { Button } from '@/components/ui/button';
import { Input, Select, Textarea } from '@/components/ui/input';
import { INCIDENT_STATUSES, MILESTONES } from '@/lib/incidents/types';
import {
  addTimelineAction,
  createPostmortemAction,
  setIncidentStatusAction,
  setMilestoneAction,
} from '../actions';

export function IncidentControls({
  id,
  status,
  hasPostmortem,
}: {
  id: string;
  status: string;
  hasPostmortem: boolean;
}) {
  const [statusState, statusAction] = useActionState(setIncidentStatusAction, null);
  const [msState, msAction] = useActionState(setMilestoneAction, null);
  const [pmState, pmAction] = useActionState(createPostmortemAction, null);
  useActionToast(statusState);
  useActionToast(msState);
  useActionToast(pmState);
  return (
    <section aria-label="Response" className="grid gap-3 rounded-lg border p-4">
      <form action={statusAction} className="flex flex-wrap gap-2">
        <input type="hidden" name="id" value={id} />
        {INCIDENT_STATUSES.map((s) => (
          <Button
            key={s}
            type="submit"
            name="status"
            value={s}
            variant={s === status ? 'default' : 'outline'}
            disabled={s === status}
          >
            {s === 'resolved' ? 'Resolve' : s[0].toUpperCase() + s.slice(1)}
          </Button>
        ))}
      </form>
      <form action={msAction} className="flex flex-wrap items-end gap-2">
        <input type="hidden" name="id" value={id} />
        <Select name="milestone" aria-label="Milestone" className="w-auto">
          {MILESTONES.map((m) => (
            <option key={m}>{m}</option>
          ))}
        </Select>
        <Input type="datetime-local" name="at" aria-label="At (UTC)" required className="w-auto" />
        <SubmitButton>Set milestone</SubmitButton>
        {msState?.fieldErrors?.at ? (
          <p className="text-sm text-destructive">{msState.fieldErrors.at.join('. ')}</p>
        ) : null}
      </form>
      {!hasPostmortem ? (
        <form action={pmAction}>
          <input type="hidden" name="id" value={id} />
          <SubmitButton>Write the postmortem</SubmitButton>
        </form>
      ) : null}
    </section>
  );
}

export function TimelineForm({ id }: { id: string }) {
  const [state, action] = useActionState(addTimelineAction, null);
  const form = useRef<HTMLFormElement>(null);
  useActionToast(state, () => form.current?.reset());
  return (
    <form ref={form} action={action} className="mt-4 grid gap-2">
      <input type="hidden" name="id" value={id} />
      <Textarea
        name="text"
        aria-label="Timeline entry"
        rows={2}
        placeholder="What happened, what you tried…"
        required
      />
      <div className="flex gap-2">
        <Select name="kind" aria-label="Kind" className="w-auto">
          <option value="note">note</option>
          <option value="action">action</option>
        </Select>
        <SubmitButton>Add to timeline</SubmitButton>
      </div>
    </form>
  );
}
