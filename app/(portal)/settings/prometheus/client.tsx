'use client';

import { useActionState } from 'react';
import { FormField, fieldProps } from '@/components/forms/form-field';
import { SubmitButton } from '@/components/forms/submit-button';
import { useActionToast } from '@/components/forms/use-action-toast';
import { Input } from '@/components/ui/input';
import { saveDataSourceAction, testDataSourceAction } from './actions';

export function DataSourceForm({
  initial,
}: {
  initial: { url: string; username: string; timeoutSeconds: number; hasSecret: boolean };
}) {
  const [state, formAction] = useActionState(saveDataSourceAction, null);
  useActionToast(state);
  return (
    <form action={formAction} className="grid max-w-2xl gap-5" noValidate>
      <FormField
        name="url"
        label="URL"
        hint="Prometheus, Thanos Query, Mimir (…/prometheus) or VictoriaMetrics"
        state={state}
      >
        <Input {...fieldProps('url', state, initial.url)} placeholder="http://prometheus:9090" />
      </FormField>
      <div className="grid gap-5 sm:grid-cols-3">
        <FormField name="bearerToken" label="Bearer token" hint="Optional" state={state}>
          <Input
            type="password"
            autoComplete="off"
            {...fieldProps('bearerToken', state)}
            placeholder={initial.hasSecret ? '•••••• (kept)' : ''}
          />
        </FormField>
        <FormField name="username" label="Basic auth user" hint="Optional" state={state}>
          <Input {...fieldProps('username', state, initial.username)} />
        </FormField>
        <FormField name="password" label="Basic auth password" state={state}>
          <Input
            type="password"
            autoComplete="off"
            {...fieldProps('password', state)}
            placeholder={initial.hasSecret ? '•••••• (kept)' : ''}
          />
        </FormField>
      </div>
      <input type="hidden" name="keepSecrets" value="on" />
      <FormField name="timeoutSeconds" label="Timeout (seconds)" state={state}>
        <Input
          type="number"
          min={1}
          max={120}
          className="w-32"
          {...fieldProps('timeoutSeconds', state, initial.timeoutSeconds)}
        />
      </FormField>
      <div className="flex gap-2">
        <SubmitButton>Save data source</SubmitButton>
      </div>
    </form>
  );
}

export function TestConnection() {
  const [state, formAction] = useActionState(testDataSourceAction, null);
  useActionToast(state);
  return (
    <form action={formAction}>
      <SubmitButton variant="default">Test connection</SubmitButton>
      {state?.message && (
        <p className={`mt-2 text-sm ${state.ok ? 'text-healthy' : 'text-destructive'}`} role="status">
          {state.message}
        </p>
      )}
    </form>
  );
}
