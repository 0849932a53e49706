'use client';

import { useActionState, useRef } from 'react';
import { FormField, fieldProps } from '@/components/forms/form-field';
import { SubmitButton } from '@/components/forms/submit-button';
import { useActionToast } from '@/components/forms/use-action-toast';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Td, Tr } from '@/components/ui/table';
import {
  archiveToilCategoryAction,
  createToilCategoryAction,
  saveToilSettingsAction,
  updateToilCategoryAction,
} from './actions';

export function ToilSettingsForm({
  capPercent,
  defaultEstimateHours,
}: {
  capPercent: number;
  defaultEstimateHours: number;
}) {
  const [state, formAction] = useActionState(saveToilSettingsAction, null);
  useActionToast(state);
  return (
    <form
      action={formAction}
      className="grid gap-4 sm:grid-cols-[10rem_12rem_auto] sm:items-start"
      noValidate
    >
      <FormField name="capPercent" label="Toil cap (%)" hint="Teams above it are flagged" state={state}>
        <Input type="number" step="0.1" {...fieldProps('capPercent', state, capPercent)} />
      </FormField>
      <FormField
        name="defaultEstimateHours"
        label="Default estimate (h)"
        hint="To automate an unestimated task"
        state={state}
      >
        <Input
          type="number"
          step="0.5"
          {...fieldProps('defaultEstimateHours', state, defaultEstimateHours)}
        />
      </FormField>
      <div className="sm:pt-6">
        <SubmitButton>Save settings</SubmitButton>
      </div>
    </form>
  );
}

export function NewCategoryForm() {
  const [state, formAction] = useActionState(createToilCategoryAction, null);
  const formRef = useRef<HTMLFormElement>(null);
  useActionToast(state, () => formRef.current?.reset());
  return (
    <form
      ref={formRef}
      action={formAction}
      className="grid gap-4 sm:grid-cols-[1fr_1fr_7rem_auto] sm:items-start"
      noValidate
    >
      <FormField name="name" label="Name" state={state}>
        <Input {...fieldProps('name', state)} placeholder="On-call handover" />
      </FormField>
      <FormField name="slug" label="Slug" hint="Empty: made from the name" state={state}>
        <Input {...fieldProps('slug', state)} className="font-mono" />
      </FormField>
      <FormField name="sortOrder" label="Order" state={state}>
        <Input type="number" {...fieldProps('sortOrder', state, 200)} />
      </FormField>
      <div className="sm:pt-6">
        <SubmitButton>Add category</SubmitButton>
      </div>
    </form>
  );
}

/** One category: rename and reorder inline; archive hides it from the entry form only. */
export function CategoryRow({
  category,
}: {
  category: { id: string; slug: string; name: string; sortOrder: number; archived: boolean };
}) {
  const [state, formAction] = useActionState(updateToilCategoryAction, null);
  const [archiveState, archiveAction] = useActionState(archiveToilCategoryAction, null);
  useActionToast(state);
  useActionToast(archiveState);
  const formId = `category-${category.id}`;
  const error = [...(state?.fieldErrors?.name ?? []), ...(state?.fieldErrors?.sortOrder ?? [])].join('. ');
  return (
    <Tr data-testid="category-row">
      <Td>
        <form id={formId} action={formAction}>
          <input type="hidden" name="id" value={category.id} />
        </form>
        <Input
          form={formId}
          name="name"
          defaultValue={category.name}
          aria-label={`Name of ${category.slug}`}
          aria-invalid={Boolean(state?.fieldErrors?.name) || undefined}
          className="h-8"
        />
        {error && <p className="mt-1 text-xs text-destructive">{error}</p>}
      </Td>
      <Td className="font-mono text-xs text-muted-foreground">{category.slug}</Td>
      <Td>
        <Input
          form={formId}
          name="sortOrder"
          type="number"
          defaultValue={category.sortOrder}
          aria-label={`Order of ${category.slug}`}
          className="h-8 w-20"
        />
      </Td>
      <Td>{category.archived ? <Badge>archived</Badge> : <Badge variant="healthy">in use</Badge>}</Td>
      <Td className="text-right">
        <div className="flex justify-end gap-2">
          <Button type="submit" form={formId} size="sm" variant="outline">
            Save
          </Button>
          <form action={archiveAction}>
            <input type="hidden" name="id" value={category.id} />
            <input type="hidden" name="archived" value={String(!category.archived)} />
            <Button type="submit" size="sm" variant="ghost">
              {category.archived ? 'Restore' : 'Archive'}
            </Button>
          </form>
        </div>
      </Td>
    </Tr>
  );
}
