'use client';

import { Loader2 } from 'lucide-react';
import { useActionState } from 'react';
import { FormField, fieldProps } from '@/components/forms/form-field';
import { SubmitButton } from '@/components/forms/submit-button';
import { useActionToast } from '@/components/forms/use-action-toast';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { saveDataSourceAction, testDataSourceAction } from './actions';

export function DataSourceForm({
  initial,
}: {
  initial: { url: string; username: string; timeoutSeconds: number; hasSecret: boolean };
}) {
  const [state, formAction] = useActionState(saveDataSourceAction, null);
  // "Test connection" tries the values as typed, before they are saved.
  const [tested, testAction, testing] = useActionState(testDataSourceAction, null);
  useActionToast(state);
  useActionToast(tested);
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
      <div className="flex flex-wrap items-center gap-2">
        <SubmitButton>Save data source</SubmitButton>
        <Button type="submit" variant="outline" formAction={testAction} disabled={testing}>
          {testing && <Loader2 className="animate-spin" aria-hidden />}
          Test connection
        </Button>
      </div>
      {tested?.message && (
        <p className={`text-sm ${tested.ok ? 'text-healthy' : 'text-destructive'}`} role="status">
          {tested.message}
        </p>
      )}
    </form>
  );
}
