'use client';

import { useRouter } from 'next/navigation';
import { useActionState, useEffect } from 'react';
import { SubmitButton } from '@/components/forms/submit-button';
import { Badge } from '@/components/ui/badge';
import { Input, Label } from '@/components/ui/input';
import { importRunbooksAction } from '../actions';

const STATUS = { created: 'healthy', updated: 'primary', unchanged: 'default', error: 'critical' } as const;

/** Upload .md files or a .zip; every file is checked and either all are imported or none. */
export function ImportForm() {
  const router = useRouter();
  const [state, action] = useActionState(importRunbooksAction, null);
  const result = state?.data;
  useEffect(() => {
    if (result?.ok && !result.dryRun) router.refresh();
  }, [result, router]);
  return (
    <div className="grid grid-cols-1 gap-6">
      <form action={action} className="grid max-w-xl gap-4" encType="multipart/form-data">
        <div className="grid gap-1.5">
          <Label htmlFor="files">Markdown files or a zip</Label>
          <Input
            id="files"
            name="files"
            type="file"
            multiple
            accept=".md,.markdown,.zip"
            required
            className="h-auto py-2"
          />
          <p className="text-xs text-muted-foreground">
            Front matter: <code>title</code>, optional <code>slug</code> (else the file name),{' '}
            <code>service</code>, <code>team</code>, <code>alerts</code>, <code>review_interval_days</code>,{' '}
            <code>last_reviewed</code>. A runbook with the same slug is updated as a new revision.
          </p>
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="dryRun" value="1" /> Check only, import nothing
        </label>
        <div>
          <SubmitButton>Import</SubmitButton>
        </div>
      </form>
      {state && (
        <section aria-live="polite" className="grid gap-2" data-testid="import-result">
          <p
            role={result?.ok ? 'status' : 'alert'}
            className={result?.ok ? 'text-sm' : 'text-sm text-destructive'}
          >
            {state.message}
          </p>
          {result && (
            <ul className="divide-y rounded-md border bg-card text-sm">
              {result.files.map((f) => (
                <li key={f.file} className="grid gap-1 px-3 py-2" data-testid="import-file">
                  <div className="flex flex-wrap items-center gap-2">
                    <Badge variant={STATUS[f.status]}>{f.status}</Badge>
                    <span className="font-mono text-xs break-all">{f.file}</span>
                    {f.title && <span className="text-muted-foreground">— {f.title}</span>}
                  </div>
                  {[...f.errors, ...f.warnings].map((m) => (
                    <p
                      key={m}
                      className={f.errors.includes(m) ? 'text-destructive' : 'text-muted-foreground'}
                    >
                      {m}
                    </p>
                  ))}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
