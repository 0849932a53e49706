'use client';

import { Plus } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useActionState, useState } from 'react';
import { FormField, fieldProps } from '@/components/forms/form-field';
import { SubmitButton } from '@/components/forms/submit-button';
import { useActionToast } from '@/components/forms/use-action-toast';
import { Button } from '@/components/ui/button';
import { Input, Select, Textarea } from '@/components/ui/input';
import type { ActionState } from '@/lib/action-state';

export interface SlaFormValues {
  id: string;
  serviceId: string;
  name: string;
  target: number;
  description: string;
  sloIds: string[];
  creditTiers: Array<{ below: number; creditPercent: number }>;
  version: number;
}

const pct = (f: number) => String(Number((f * 100).toFixed(6)));
const DEFAULT_TIERS = [
  { below: '99.9', credit: '10' },
  { below: '99', credit: '25' },
  { below: '95', credit: '100' },
];

export function SlaForm({
  action,
  services,
  slos,
  sla,
}: {
  action: (prev: ActionState<{ id: string }>, form: FormData) => Promise<ActionState<{ id: string }>>;
  services: Array<{ id: string; name: string }>;
  slos: Array<{ id: string; name: string; serviceId: string; target: number }>;
  sla?: SlaFormValues;
}) {
  const router = useRouter();
  const [state, formAction] = useActionState(action, null);
  const [serviceId, setServiceId] = useState(sla?.serviceId ?? services[0]?.id ?? '');
  const [tiers, setTiers] = useState(
    sla
      ? sla.creditTiers.map((t) => ({ below: pct(t.below), credit: String(t.creditPercent) }))
      : DEFAULT_TIERS,
  );
  useActionToast(state, () => {
    router.push('/reports/slas');
    router.refresh();
  });
  const errors = state?.fieldErrors ?? {};
  const tierError = (i: number) =>
    [...(errors[`creditTiers.${i}.below`] ?? []), ...(errors[`creditTiers.${i}.creditPercent`] ?? [])].join(
      '. ',
    );
  const serviceSlos = slos.filter((s) => s.serviceId === serviceId);
  return (
    <form action={formAction} className="grid max-w-2xl gap-5" noValidate>
      {sla && <input type="hidden" name="id" value={sla.id} />}
      {sla && <input type="hidden" name="version" value={sla.version} />}
      <div className="grid gap-5 sm:grid-cols-2">
        <FormField name="serviceId" label="Service" state={state}>
          <Select
            {...fieldProps('serviceId', state, sla?.serviceId)}
            value={serviceId}
            defaultValue={undefined}
            onChange={(e) => setServiceId(e.target.value)}
          >
            {services.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField name="name" label="Name" hint="e.g. Checkout availability SLA" state={state}>
          <Input {...fieldProps('name', state, sla?.name)} required autoFocus={!sla} />
        </FormField>
      </div>
      <FormField
        name="target"
        label="Target (%)"
        hint="Usually below the SLO's target, e.g. 99.5"
        state={state}
      >
        <Input {...fieldProps('target', state, sla ? pct(sla.target) : '')} inputMode="decimal" required />
      </FormField>
      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium">Measured by</legend>
        {serviceSlos.length === 0 ? (
          <p className="text-sm text-muted-foreground">This service has no SLO yet: create one first.</p>
        ) : (
          serviceSlos.map((s) => (
            <label key={s.id} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="sloIds"
                value={s.id}
                defaultChecked={sla ? sla.sloIds.includes(s.id) : serviceSlos.length === 1}
                className="size-4"
              />
              {s.name} <span className="text-muted-foreground">(SLO {pct(s.target)} %)</span>
            </label>
          ))
        )}
        {errors.sloIds?.length ? (
          <p className="text-sm text-destructive" role="alert">
            {errors.sloIds.join('. ')}
          </p>
        ) : null}
      </fieldset>
      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium">Credit tiers</legend>
        <p className="text-xs text-muted-foreground">
          When the month's attainment falls below a threshold, that credit is owed (the deepest tier applies).
        </p>
        {tiers.map((t, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional
          <div key={i} className="grid gap-1">
            <div className="flex flex-wrap items-center gap-2 text-sm">
              <span>Below</span>
              <Input
                name="tierBelow"
                aria-label={`Tier ${i + 1} threshold (%)`}
                defaultValue={t.below}
                className="w-24"
                inputMode="decimal"
              />
              <span>% → credit</span>
              <Input
                name="tierCredit"
                aria-label={`Tier ${i + 1} credit (%)`}
                defaultValue={t.credit}
                className="w-20"
                inputMode="decimal"
              />
              <span>%</span>
            </div>
            {tierError(i) && (
              <p className="text-sm text-destructive" role="alert">
                {tierError(i)}
              </p>
            )}
          </div>
        ))}
        <div>
          <Button
            type="button"
            variant="ghost"
            size="sm"
            onClick={() => setTiers([...tiers, { below: '', credit: '' }])}
          >
            <Plus className="size-4" aria-hidden /> Add tier
          </Button>
        </div>
      </fieldset>
      <FormField name="description" label="Customer-facing description" state={state}>
        <Textarea {...fieldProps('description', state, sla?.description)} rows={3} />
      </FormField>
      <div>
        <SubmitButton>{sla ? 'Save changes' : 'Create SLA'}</SubmitButton>
      </div>
    </form>
  );
}
