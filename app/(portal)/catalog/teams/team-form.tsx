'use client';

import { useRouter } from 'next/navigation';
import { useActionState } from 'react';
import { FormField, fieldProps } from '@/components/forms/form-field';
import { SubmitButton } from '@/components/forms/submit-button';
import { useActionToast } from '@/components/forms/use-action-toast';
import { Input, Textarea } from '@/components/ui/input';
import type { ActionState } from '@/lib/action-state';

interface TeamValues {
  id: string;
  slug: string;
  name: string;
  description: string;
  weeklyHoursPerMember: number;
  version: number;
  members: { id: string }[];
}

export function TeamForm({
  action,
  users,
  team,
  readOnly = false,
}: {
  action: (prev: ActionState<{ slug: string }>, form: FormData) => Promise<ActionState<{ slug: string }>>;
  users: { id: string; name: string; email: string }[];
  team?: TeamValues;
  readOnly?: boolean;
}) {
  const router = useRouter();
  const [state, formAction] = useActionState(action, null);
  useActionToast(state, () => {
    if (state?.data?.slug) router.push(`/catalog/teams/${state.data.slug}`);
    router.refresh();
  });
  const memberIds = new Set(team?.members.map((m) => m.id));
  return (
    <form action={formAction} className="grid max-w-2xl gap-5" noValidate>
      {team && <input type="hidden" name="id" value={team.id} />}
      {team && <input type="hidden" name="version" value={team.version} />}
      <fieldset disabled={readOnly} className="grid gap-5">
        <div className="grid gap-5 sm:grid-cols-2">
          <FormField name="name" label="Name" state={state}>
            <Input {...fieldProps('name', state, team?.name)} autoFocus={!team} />
          </FormField>
          <FormField name="slug" label="Slug" state={state}>
            <Input {...fieldProps('slug', state, team?.slug)} className="font-mono" />
          </FormField>
        </div>
        <FormField name="description" label="Description" state={state}>
          <Textarea {...fieldProps('description', state, team?.description)} rows={2} />
        </FormField>
        <FormField
          name="weeklyHoursPerMember"
          label="Weekly working hours per member"
          hint="The team’s weekly capacity for the toil share: members × these hours"
          state={state}
        >
          <Input
            type="number"
            min={1}
            max={80}
            {...fieldProps('weeklyHoursPerMember', state, team?.weeklyHoursPerMember ?? 40)}
            className="w-32"
          />
        </FormField>
        <fieldset className="grid gap-2">
          <legend className="mb-1 text-sm font-medium">Members</legend>
          <div className="grid max-h-64 gap-1 overflow-y-auto rounded-md border bg-card p-2 sm:grid-cols-2">
            {users.map((u) => (
              <label key={u.id} className="flex items-center gap-2 rounded px-2 py-1 text-sm hover:bg-accent">
                <input type="checkbox" name="memberIds" value={u.id} defaultChecked={memberIds.has(u.id)} />
                <span>{u.name}</span>
                <span className="truncate text-xs text-muted-foreground">{u.email}</span>
              </label>
            ))}
          </div>
        </fieldset>
      </fieldset>
      {!readOnly && (
        <div>
          <SubmitButton>{team ? 'Save changes' : 'Create team'}</SubmitButton>
        </div>
      )}
    </form>
  );
}
