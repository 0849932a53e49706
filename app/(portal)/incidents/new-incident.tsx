'use client';

import { Plus } from 'lucide-react';
import { useActionState, useState } from 'react';
import { FormField, fieldProps } from '@/components/forms/form-field';
import { SubmitButton } from '@/components/forms/submit-button';
import { useActionToast } from '@/components/forms/use-action-toast';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { Input, Select, Textarea } from '@/components/ui/input';
import { SEVERITIES } from '@/lib/incidents/types';
import { createIncidentAction } from './actions';

type Option = { value: string; label: string };

export function NewIncident({ services, slos }: { services: Option[]; slos: Option[] }) {
  const [open, setOpen] = useState(false);
  const [state, action] = useActionState(createIncidentAction, null);
  useActionToast(state);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>
          <Plus aria-hidden /> Declare incident
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogTitle>Declare an incident</DialogTitle>
        <DialogDescription>Start with what you know; everything can be changed later.</DialogDescription>
        <form action={action} className="grid gap-3">
          <FormField name="title" label="Title" state={state}>
            <Input
              {...fieldProps('title', state)}
              required
              maxLength={200}
              placeholder="Checkout returns 502"
            />
          </FormField>
          <FormField name="severity" label="Severity" state={state}>
            <Select {...fieldProps('severity', state, 'SEV3')}>
              {SEVERITIES.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </Select>
          </FormField>
          <FormField name="startedAt" label="Started (UTC, empty = now)" state={state}>
            <Input type="datetime-local" {...fieldProps('startedAt', state)} />
          </FormField>
          <FormField name="serviceIds" label="Affected services" state={state}>
            <Select id="serviceIds" name="serviceIds" multiple className="h-24">
              {services.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
            </Select>
          </FormField>
          <FormField name="sloIds" label="Affected SLOs" state={state}>
            <Select id="sloIds" name="sloIds" multiple className="h-24">
              {slos.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
            </Select>
          </FormField>
          <FormField name="summary" label="What is happening" state={state}>
            <Textarea {...fieldProps('summary', state)} rows={3} />
          </FormField>
          <SubmitButton>Declare</SubmitButton>
        </form>
      </DialogContent>
    </Dialog>
  );
}
