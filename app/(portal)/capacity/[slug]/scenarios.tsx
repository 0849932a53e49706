'use client';

import { Trash2 } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useActionState, useRef } from 'react';
import { FormField, fieldProps } from '@/components/forms/form-field';
import { SubmitButton } from '@/components/forms/submit-button';
import { useActionToast } from '@/components/forms/use-action-toast';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Input, Select } from '@/components/ui/input';
import { Table, TBody, Td, THead, Th, Tr } from '@/components/ui/table';
import { formatDaysLeft } from '@/lib/capacity/format';
import { addScenarioAction, deleteScenarioAction } from '../actions';
import type { DetailModel } from './client';

function DeleteScenario({ slug, id, name }: { slug: string; id: string; name: string }) {
  const router = useRouter();
  const [state, action] = useActionState(deleteScenarioAction, null);
  useActionToast(state, () => router.refresh());
  return (
    <form action={action}>
      <input type="hidden" name="resource" value={slug} />
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant="ghost" size="sm" aria-label={`Remove scenario ${name}`}>
        <Trash2 aria-hidden />
      </Button>
    </form>
  );
}

export function Scenarios({
  slug,
  unit,
  model,
  canEdit,
}: {
  slug: string;
  unit: string;
  model: DetailModel | null;
  canEdit: boolean;
}) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [state, action] = useActionState(addScenarioAction, null);
  useActionToast(state, () => {
    formRef.current?.reset();
    router.refresh();
  });
  const scenarios = model?.scenarios ?? [];
  return (
    <Card>
      <CardHeader>
        <CardTitle>Scenarios</CardTitle>
        <p className="text-sm text-muted-foreground">
          What-ifs on the {model?.label ?? ''} forecast&apos;s upper band: a launch or spike multiplies
          demand, growth compounds every month. Instances are N+k at 30 / 60 / 90 days.
        </p>
      </CardHeader>
      <CardContent className="grid gap-5">
        <div className="overflow-x-auto">
          <Table>
            <THead>
              <tr>
                <Th>Scenario</Th>
                <Th>Change</Th>
                <Th className="text-right">Instances 30 / 60 / 90 d</Th>
                <Th>Runs out</Th>
                {canEdit && <Th className="w-10" />}
              </tr>
            </THead>
            <TBody>
              {model && (
                <Tr data-testid="scenario-baseline">
                  <Td className="font-medium">Forecast as is</Td>
                  <Td className="text-muted-foreground">—</Td>
                  <Td className="text-right tabular-nums" data-testid="scenario-instances">
                    {model.required.map((r) => r.instances).join(' / ')}
                  </Td>
                  <Td>{formatDaysLeft(model.exhaustionUpper.days)}</Td>
                  {canEdit && <Td />}
                </Tr>
              )}
              {scenarios.map((s) => (
                <Tr key={s.id} data-testid={`scenario-${s.name}`}>
                  <Td className="font-medium">{s.name}</Td>
                  <Td className="whitespace-nowrap">
                    {s.kind === 'multiplier'
                      ? `× ${s.value}`
                      : `${s.value >= 0 ? '+' : ''}${s.value}% a month`}
                  </Td>
                  <Td className="text-right tabular-nums" data-testid="scenario-instances">
                    {s.instances.map((i) => i.instances).join(' / ')}
                  </Td>
                  <Td>{formatDaysLeft(s.daysToExhaustion)}</Td>
                  {canEdit && (
                    <Td>
                      <DeleteScenario slug={slug} id={s.id} name={s.name} />
                    </Td>
                  )}
                </Tr>
              ))}
            </TBody>
          </Table>
        </div>
        {canEdit && (
          <form
            ref={formRef}
            action={action}
            className="grid gap-3 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-end"
            noValidate
          >
            <input type="hidden" name="resource" value={slug} />
            <FormField name="name" label="New scenario" state={state}>
              <Input {...fieldProps('name', state)} placeholder="Launch in Brazil" />
            </FormField>
            <FormField name="kind" label="Kind" state={state}>
              <Select {...fieldProps('kind', state, 'multiplier')}>
                <option value="multiplier">Multiplier ×</option>
                <option value="growth">Growth % a month</option>
              </Select>
            </FormField>
            <FormField name="value" label="Value" state={state}>
              <Input {...fieldProps('value', state)} inputMode="decimal" placeholder={`10 (${unit} × 10)`} />
            </FormField>
            <div className="pb-0.5">
              <SubmitButton>Add scenario</SubmitButton>
            </div>
          </form>
        )}
      </CardContent>
    </Card>
  );
}
