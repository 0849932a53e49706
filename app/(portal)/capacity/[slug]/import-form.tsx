'use client';

import { useRouter } from 'next/navigation';
import { useActionState, useRef } from 'react';
import { FormField } from '@/components/forms/form-field';
import { SubmitButton } from '@/components/forms/submit-button';
import { useActionToast } from '@/components/forms/use-action-toast';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Input, Textarea } from '@/components/ui/input';
import { importSamplesAction } from '../actions';

export function ImportSamples({
  slug,
  promQuery,
  promSyncError,
}: {
  slug: string;
  promQuery: string | null;
  promSyncError: string | null;
}) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [state, action] = useActionState(importSamplesAction, null);
  useActionToast(state, () => {
    formRef.current?.reset();
    router.refresh();
  });
  const errors = state?.fieldErrors?.csv ?? [];
  return (
    <Card>
      <CardHeader>
        <CardTitle>Add demand history</CardTitle>
        <p className="text-sm text-muted-foreground">
          CSV with columns <code>ts,value</code> (a date or an RFC 3339 time, and the peak). Every row is
          checked first: one bad row and nothing is imported. Machines can push to{' '}
          <code className="break-all">POST /api/v1/capacity/{slug}/samples</code> with a{' '}
          <code>capacity:write</code> token.
          {promQuery && ' The Prometheus query of this resource is pulled once a day.'}
        </p>
        {promSyncError && (
          <p className="text-sm text-destructive" role="status">
            Last Prometheus sync failed: {promSyncError}
          </p>
        )}
      </CardHeader>
      <CardContent>
        <form ref={formRef} action={action} className="grid max-w-2xl gap-3" noValidate>
          <input type="hidden" name="resource" value={slug} />
          <FormField name="file" label="CSV file" state={state}>
            <Input id="file" name="file" type="file" accept=".csv,text/csv" />
          </FormField>
          <FormField name="csvText" label="…or paste rows" state={state}>
            <Textarea
              id="csvText"
              name="csv"
              rows={4}
              className="font-mono"
              placeholder={'ts,value\n2026-11-01,412\n2026-11-02,430'}
            />
          </FormField>
          {errors.length > 0 && (
            <ul
              className="max-h-48 overflow-auto rounded-md border border-destructive/40 p-2 text-sm text-destructive"
              role="alert"
            >
              {errors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          )}
          <div>
            <SubmitButton>Import</SubmitButton>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
