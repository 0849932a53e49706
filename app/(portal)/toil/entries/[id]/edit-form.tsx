'use client';

import { useRouter } from 'next/navigation';
import { useActionState } from 'react';
import { FormField, fieldProps } from '@/components/forms/form-field';
import { SubmitButton } from '@/components/forms/submit-button';
import { useActionToast } from '@/components/forms/use-action-toast';
import type { Option, RecentEntry } from '@/components/toil/types';
import { Input, Select } from '@/components/ui/input';
import { formatMinutes } from '@/lib/toil/minutes';
import { updateToilEntryAction } from '../../actions';

/** Editing one entry: the same fields and server checks as the quick form. */
export function EditEntryForm({
  entry,
  version,
  categories,
  services,
  readOnly,
}: {
  entry: RecentEntry;
  version: number;
  categories: Option[];
  services: Option[];
  readOnly: boolean;
}) {
  const router = useRouter();
  const [state, formAction] = useActionState(updateToilEntryAction, null);
  useActionToast(state, () => {
    router.push('/toil/entries');
    router.refresh();
  });
  const checkbox = (name: string, initial: boolean) =>
    state?.values ? state.values[name] === 'true' : initial;
  return (
    <form action={formAction} className="grid max-w-3xl gap-5" noValidate>
      <input type="hidden" name="id" value={entry.id} />
      <input type="hidden" name="version" value={version} />
      <fieldset disabled={readOnly} className="grid gap-5">
        <div className="grid gap-5 sm:grid-cols-[minmax(0,1fr)_9rem_10rem]">
          <FormField name="task" label="Task" state={state}>
            <Input {...fieldProps('task', state, entry.task)} autoFocus={!readOnly} />
          </FormField>
          <FormField name="minutes" label="Time spent" hint="45, 1h, 1h30m" state={state}>
            <Input {...fieldProps('minutes', state, formatMinutes(entry.minutes))} />
          </FormField>
          <FormField name="date" label="Date" state={state}>
            <Input type="date" {...fieldProps('date', state, entry.date)} />
          </FormField>
        </div>
        <div className="grid gap-5 sm:grid-cols-3">
          <FormField name="category" label="Category" state={state}>
            <Select {...fieldProps('category', state, entry.category)}>
              {categories.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </Select>
          </FormField>
          <FormField name="service" label="Service" state={state}>
            <Select {...fieldProps('service', state, entry.service)}>
              <option value="">None</option>
              {services.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
            </Select>
          </FormField>
          <FormField name="automatable" label="Automatable" state={state}>
            <Select {...fieldProps('automatable', state, entry.automatable)}>
              <option value="none">No</option>
              <option value="partial">Partly</option>
              <option value="full">Fully</option>
            </Select>
          </FormField>
        </div>
        <div className="flex gap-5 text-sm">
          <label className="flex items-center gap-1.5">
            <input
              type="checkbox"
              name="interrupt"
              value="true"
              defaultChecked={checkbox('interrupt', entry.interrupt)}
            />
            Interrupt
          </label>
          <label className="flex items-center gap-1.5">
            <input
              type="checkbox"
              name="after_hours"
              value="true"
              defaultChecked={checkbox('after_hours', entry.afterHours)}
            />
            After hours
          </label>
        </div>
        <FormField name="notes" label="Notes" state={state}>
          <Input {...fieldProps('notes', state, entry.notes)} />
        </FormField>
      </fieldset>
      {!readOnly && (
        <div>
          <SubmitButton>Save entry</SubmitButton>
        </div>
      )}
    </form>
  );
}
