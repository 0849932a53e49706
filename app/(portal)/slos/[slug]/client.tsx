'use client';

import { Trash2 } from 'lucide-react';
import { useActionState, useEffect, useRef, useState } from 'react';
import { FormField, fieldProps } from '@/components/forms/form-field';
import { SubmitButton } from '@/components/forms/submit-button';
import { useActionToast } from '@/components/forms/use-action-toast';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { addCorrectionAction, deleteCorrectionAction } from './actions';

function zoneOffset(): string {
  const m = -new Date().getTimezoneOffset();
  const sign = m >= 0 ? '+' : '-';
  const abs = Math.abs(m);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

export function CorrectionForm({ slug }: { slug: string }) {
  const [state, formAction] = useActionState(addCorrectionAction, null);
  const formRef = useRef<HTMLFormElement>(null);
  const [offset, setOffset] = useState('Z');
  useEffect(() => setOffset(zoneOffset()), []);
  useActionToast(state, () => formRef.current?.reset());
  return (
    <form ref={formRef} action={formAction} className="grid gap-3 sm:grid-cols-2 sm:items-start" noValidate>
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="tzOffset" value={offset} />
      <FormField name="startsAt" label="From" state={state}>
        <Input type="datetime-local" {...fieldProps('startsAt', state)} />
      </FormField>
      <FormField name="endsAt" label="To" state={state}>
        <Input type="datetime-local" {...fieldProps('endsAt', state)} />
      </FormField>
      <div className="sm:col-span-2">
        <FormField name="reason" label="Reason" state={state}>
          <Input placeholder="Planned maintenance, CHG-1234" {...fieldProps('reason', state)} />
        </FormField>
      </div>
      <div>
        <SubmitButton>Add correction</SubmitButton>
      </div>
    </form>
  );
}

export function DeleteCorrection({ slug, id }: { slug: string; id: string }) {
  const [state, formAction] = useActionState(deleteCorrectionAction, null);
  useActionToast(state);
  return (
    <form action={formAction}>
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant="ghost" size="icon" aria-label="Remove correction">
        <Trash2 aria-hidden />
      </Button>
    </form>
  );
}
