'use client';

import { useRouter } from 'next/navigation';
import { useActionState } from 'react';
import { FormField, fieldProps } from '@/components/forms/form-field';
import { SubmitButton } from '@/components/forms/submit-button';
import { useActionToast } from '@/components/forms/use-action-toast';
import { Input, Select, Textarea } from '@/components/ui/input';
import type { ActionState } from '@/lib/action-state';

export interface ResourceValues {
  id: string;
  serviceId: string;
  slug: string;
  name: string;
  unit: string;
  capacityPerInstance: number;
  instances: number;
  targetUtilisation: number;
  redundancy: number;
  leadTimeDays: number;
  promQuery: string | null;
  version: number;
}

export function ResourceForm({
  action,
  services,
  resource,
}: {
  action: (prev: ActionState<{ slug: string }>, form: FormData) => Promise<ActionState<{ slug: string }>>;
  services: { id: string; name: string }[];
  resource?: ResourceValues;
}) {
  const router = useRouter();
  const [state, formAction] = useActionState(action, null);
  useActionToast(state, () => {
    const slug = state?.data?.slug;
    if (slug) router.push(`/capacity/${slug}`);
    router.refresh();
  });
  return (
    <form action={formAction} className="grid max-w-2xl gap-5" noValidate>
      {resource && <input type="hidden" name="id" value={resource.id} />}
      {resource && <input type="hidden" name="version" value={resource.version} />}
      <div className="grid gap-5 sm:grid-cols-2">
        <FormField name="name" label="Name" state={state}>
          <Input {...fieldProps('name', state, resource?.name)} required autoFocus={!resource} />
        </FormField>
        <FormField
          name="slug"
          label="Slug"
          hint="Used in URLs and the API, e.g. checkout-db-connections"
          state={state}
        >
          <Input {...fieldProps('slug', state, resource?.slug)} required className="font-mono" />
        </FormField>
        <FormField name="serviceId" label="Service" state={state}>
          <Select {...fieldProps('serviceId', state, resource?.serviceId)}>
            <option value="">Choose a service</option>
            {services.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField
          name="unit"
          label="Unit"
          hint="What demand is measured in: rps, cores, GiB, connections"
          state={state}
        >
          <Input {...fieldProps('unit', state, resource?.unit)} required />
        </FormField>
        <FormField name="capacityPerInstance" label="Capacity per instance" state={state}>
          <Input
            {...fieldProps('capacityPerInstance', state, resource?.capacityPerInstance)}
            inputMode="decimal"
            required
          />
        </FormField>
        <FormField name="instances" label="Instances now" state={state}>
          <Input {...fieldProps('instances', state, resource?.instances)} inputMode="numeric" required />
        </FormField>
        <FormField
          name="targetPercent"
          label="Target utilisation (%)"
          hint="Plan to run instances at most this busy"
          state={state}
        >
          <Input
            {...fieldProps(
              'targetPercent',
              state,
              resource ? Number((resource.targetUtilisation * 100).toFixed(2)) : 70,
            )}
            inputMode="decimal"
          />
        </FormField>
        <FormField
          name="redundancy"
          label="Redundancy (N+k)"
          hint="Spare instances for failures and deploys"
          state={state}
        >
          <Input {...fieldProps('redundancy', state, resource?.redundancy ?? 1)} inputMode="numeric" />
        </FormField>
        <FormField
          name="leadTimeDays"
          label="Lead time (days)"
          hint="From order to serving traffic"
          state={state}
        >
          <Input {...fieldProps('leadTimeDays', state, resource?.leadTimeDays ?? 30)} inputMode="numeric" />
        </FormField>
      </div>
      <FormField
        name="promQuery"
        label="Prometheus query (optional)"
        hint="Its daily peak is pulled once a day through the Prometheus data source in Settings"
        state={state}
      >
        <Textarea {...fieldProps('promQuery', state, resource?.promQuery)} rows={2} className="font-mono" />
      </FormField>
      <div>
        <SubmitButton>{resource ? 'Save resource' : 'Create resource'}</SubmitButton>
      </div>
    </form>
  );
}
