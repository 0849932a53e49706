'use client';

import { Check, Copy } from 'lucide-react';
import { useActionState, useRef, useState } from 'react';
import { FormField, fieldProps } from '@/components/forms/form-field';
import { SubmitButton } from '@/components/forms/submit-button';
import { useActionToast } from '@/components/forms/use-action-toast';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { TOKEN_SCOPES } from '@/lib/auth/roles';
import { createTokenAction } from './actions';

export function CopyButton({ text, label = 'Copy' }: { text: string; label?: string }) {
  const [done, setDone] = useState(false);
  return (
    <Button
      type="button"
      size="sm"
      variant="outline"
      onClick={async () => {
        await navigator.clipboard?.writeText(text);
        setDone(true);
        setTimeout(() => setDone(false), 1500);
      }}
    >
      {done ? <Check aria-hidden /> : <Copy aria-hidden />} {done ? 'Copied' : label}
    </Button>
  );
}

export function NewTokenForm() {
  const [state, formAction] = useActionState(createTokenAction, null);
  const formRef = useRef<HTMLFormElement>(null);
  useActionToast(state, () => formRef.current?.reset());
  const secret = state?.ok ? state.data?.token : undefined;
  return (
    <div className="grid gap-4">
      <form ref={formRef} action={formAction} className="grid gap-4" noValidate>
        <div className="grid gap-4 sm:grid-cols-[1fr_2fr]">
          <FormField name="name" label="Name" hint="What uses it, e.g. ci-deploy-gate" state={state}>
            <Input {...fieldProps('name', state)} />
          </FormField>
          <fieldset className="grid gap-1.5">
            <legend className="mb-1.5 text-sm font-medium">Scopes</legend>
            <div className="flex flex-wrap gap-3">
              {TOKEN_SCOPES.map((s) => (
                <label key={s} className="flex items-center gap-1.5 font-mono text-sm">
                  <input type="checkbox" name="scopes" value={s} defaultChecked={s === 'read'} /> {s}
                </label>
              ))}
            </div>
            {state?.fieldErrors?.scopes && (
              <p className="text-sm text-destructive" role="alert">
                {state.fieldErrors.scopes.join('. ')}
              </p>
            )}
          </fieldset>
        </div>
        <div>
          <SubmitButton>Create token</SubmitButton>
        </div>
      </form>
      {secret && (
        <div className="rounded-md border border-healthy/40 bg-healthy/10 p-4" data-testid="new-token">
          <p className="mb-2 text-sm font-medium">Copy this token now. It will not be shown again.</p>
          <div className="flex items-center gap-2">
            <code className="flex-1 overflow-x-auto rounded bg-card px-2 py-1.5 font-mono text-sm">
              {secret}
            </code>
            <CopyButton text={secret} />
          </div>
        </div>
      )}
    </div>
  );
}
