'use client';

import { useActionState, useRef } from 'react';
import { FormField, fieldProps } from '@/components/forms/form-field';
import { SubmitButton } from '@/components/forms/submit-button';
import { useActionToast } from '@/components/forms/use-action-toast';
import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/input';
import { createUserAction, toggleDisabledAction, updateRoleAction } from './actions';

export function NewUserForm() {
  const [state, formAction] = useActionState(createUserAction, null);
  const formRef = useRef<HTMLFormElement>(null);
  useActionToast(state, () => formRef.current?.reset());
  return (
    <form
      ref={formRef}
      action={formAction}
      className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-5 lg:items-start"
      noValidate
    >
      <FormField name="name" label="Name" state={state}>
        <Input {...fieldProps('name', state)} />
      </FormField>
      <FormField name="email" label="Email" state={state}>
        <Input type="email" {...fieldProps('email', state)} />
      </FormField>
      <FormField name="role" label="Role" state={state}>
        <Select {...fieldProps('role', state, 'viewer')}>
          <option value="viewer">Viewer</option>
          <option value="engineer">Engineer</option>
          <option value="admin">Admin</option>
        </Select>
      </FormField>
      <FormField name="password" label="Password" hint="Empty: sign-in only by SSO" state={state}>
        <Input type="password" autoComplete="new-password" {...fieldProps('password', state)} />
      </FormField>
      <div className="lg:pt-6">
        <SubmitButton>Add user</SubmitButton>
      </div>
    </form>
  );
}

export function RoleSelect({ id, role, self }: { id: string; role: string; self: boolean }) {
  const [state, formAction] = useActionState(updateRoleAction, null);
  useActionToast(state);
  return (
    <form action={formAction} className="flex items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <Select
        name="role"
        defaultValue={role}
        aria-label="Role"
        disabled={self}
        className="h-8 w-32"
        onChange={(e) => e.currentTarget.form?.requestSubmit()}
      >
        <option value="viewer">Viewer</option>
        <option value="engineer">Engineer</option>
        <option value="admin">Admin</option>
      </Select>
    </form>
  );
}

export function DisableToggle({ id, disabled, self }: { id: string; disabled: boolean; self: boolean }) {
  const [state, formAction] = useActionState(toggleDisabledAction, null);
  useActionToast(state);
  if (self) return null;
  return (
    <form action={formAction}>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="disabled" value={String(!disabled)} />
      <Button type="submit" size="sm" variant="outline">
        {disabled ? 'Enable' : 'Disable'}
      </Button>
    </form>
  );
}
