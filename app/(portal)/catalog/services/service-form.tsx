'use client';

import { useRouter } from 'next/navigation';
import { useActionState } from 'react';
import { FormField, fieldProps } from '@/components/forms/form-field';
import { SubmitButton } from '@/components/forms/submit-button';
import { useActionToast } from '@/components/forms/use-action-toast';
import { Input, Select, Textarea } from '@/components/ui/input';
import type { ActionState } from '@/lib/action-state';

interface ServiceValues {
  id: string;
  slug: string;
  name: string;
  description: string;
  tier: number;
  ownerTeamId: string | null;
  tags: string[];
  version: number;
}

export function ServiceForm({
  action,
  teams,
  service,
  readOnly = false,
}: {
  action: (prev: ActionState<{ slug: string }>, form: FormData) => Promise<ActionState<{ slug: string }>>;
  teams: { id: string; name: string }[];
  service?: ServiceValues;
  readOnly?: boolean;
}) {
  const router = useRouter();
  const [state, formAction] = useActionState(action, null);
  useActionToast(state, () => {
    const slug = state?.data?.slug;
    if (slug) router.push(`/catalog/services/${slug}`);
    router.refresh();
  });
  return (
    <form action={formAction} className="grid max-w-2xl gap-5" noValidate>
      {service && <input type="hidden" name="id" value={service.id} />}
      {service && <input type="hidden" name="version" value={service.version} />}
      <fieldset disabled={readOnly} className="grid gap-5">
        <div className="grid gap-5 sm:grid-cols-2">
          <FormField name="name" label="Name" state={state}>
            <Input {...fieldProps('name', state, service?.name)} required autoFocus={!service} />
          </FormField>
          <FormField
            name="slug"
            label="Slug"
            hint="Used in URLs and the API, e.g. checkout-api"
            state={state}
          >
            <Input {...fieldProps('slug', state, service?.slug)} required className="font-mono" />
          </FormField>
        </div>
        <FormField name="description" label="Description" state={state}>
          <Textarea {...fieldProps('description', state, service?.description)} rows={3} />
        </FormField>
        <div className="grid gap-5 sm:grid-cols-2">
          <FormField name="tier" label="Tier" hint="0 is most critical" state={state}>
            <Select {...fieldProps('tier', state, service?.tier ?? 2)}>
              <option value="0">Tier 0 — business critical</option>
              <option value="1">Tier 1 — customer facing</option>
              <option value="2">Tier 2 — internal, important</option>
              <option value="3">Tier 3 — best effort</option>
            </Select>
          </FormField>
          <FormField name="ownerTeamId" label="Owner team" state={state}>
            <Select {...fieldProps('ownerTeamId', state, service?.ownerTeamId)}>
              <option value="">No owner</option>
              {teams.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </Select>
          </FormField>
        </div>
        <FormField name="tags" label="Tags" hint="Comma separated, e.g. payments, edge" state={state}>
          <Input {...fieldProps('tags', state, service?.tags.join(', '))} />
        </FormField>
      </fieldset>
      {!readOnly && (
        <div>
          <SubmitButton>{service ? 'Save changes' : 'Create service'}</SubmitButton>
        </div>
      )}
    </form>
  );
}
