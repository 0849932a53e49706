'use client';

import { Eye, FileUp, Loader2, Upload } from 'lucide-react';
import Link from 'next/link';
import { useActionState, useState } from 'react';
import { useActionToast } from '@/components/forms/use-action-toast';
import { Button } from '@/components/ui/button';
import { Card, CardContent } from '@/components/ui/card';
import { Label, Textarea } from '@/components/ui/input';
import type { ActionState } from '@/lib/action-state';
import type { ImportResult } from '@/lib/openslo/result';
import { MAX_OPENSLO_BYTES } from '@/lib/openslo/types';
import { importOpenSloAction } from './actions';
import { ImportResults } from './results';

const PLACEHOLDER = `apiVersion: openslo/v1
kind: SLO
metadata:
  name: checkout-availability
spec:
  service: checkout
  ...`;

type Submitted = { state: ActionState<ImportResult>; text: string } | null;

/** Remembers the text each result is about: an edit after a preview asks for a new preview. */
async function submit(prev: Submitted, form: FormData): Promise<Submitted> {
  const state = await importOpenSloAction(prev?.state ?? null, form);
  return { state, text: String(form.get('yaml') ?? '') };
}

export function OpenSloImport() {
  const [submitted, formAction, pending] = useActionState(submit, null);
  const [yaml, setYaml] = useState('');
  const [fileError, setFileError] = useState<string | null>(null);
  const state = submitted?.state ?? null;
  const resultFor = submitted?.text ?? null;
  useActionToast(state);

  const result: ImportResult | undefined = state?.ok ? state.data : undefined;
  const current = result !== undefined && resultFor === yaml;
  const importable = current && result.dryRun && result.created + result.updated > 0;
  const tooLarge = new TextEncoder().encode(yaml).length > MAX_OPENSLO_BYTES;
  const bodyError = state?.ok === false && resultFor === yaml ? (state.message ?? null) : null;

  async function pickFile(e: React.ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    if (file.size > MAX_OPENSLO_BYTES) return setFileError(`${file.name} is larger than 1 MiB: split it`);
    setFileError(null);
    setYaml(await file.text());
  }

  return (
    <div className="grid min-w-0 gap-6">
      <Card>
        <CardContent className="pt-5">
          <form action={formAction} className="grid gap-3" noValidate>
            <div className="flex flex-wrap items-end justify-between gap-2">
              <Label htmlFor="yaml">OpenSLO YAML</Label>
              <Button asChild type="button" variant="outline" size="sm">
                <label className="cursor-pointer">
                  <FileUp aria-hidden /> Choose a file…
                  <input
                    type="file"
                    accept=".yaml,.yml,application/yaml,text/yaml"
                    className="sr-only"
                    onChange={pickFile}
                  />
                </label>
              </Button>
            </div>
            <Textarea
              id="yaml"
              name="yaml"
              value={yaml}
              onChange={(e) => setYaml(e.target.value)}
              placeholder={PLACEHOLDER}
              spellCheck={false}
              wrap="off"
              rows={18}
              className="font-mono text-xs leading-relaxed"
              aria-invalid={Boolean(bodyError || fileError || tooLarge) || undefined}
              aria-describedby="yaml-hint"
            />
            <p
              id="yaml-hint"
              className={`text-sm ${bodyError || fileError || tooLarge ? 'text-destructive' : 'text-muted-foreground'}`}
              role={bodyError || fileError ? 'alert' : undefined}
            >
              {bodyError ??
                fileError ??
                (tooLarge
                  ? 'More than 1 MiB of YAML: split it into several imports.'
                  : 'Several documents separated by --- are imported one by one; up to 1 MiB.')}
            </p>
            <div className="flex flex-wrap items-center gap-2">
              <Button
                type="submit"
                name="intent"
                value="preview"
                variant={importable ? 'outline' : 'default'}
                disabled={pending || !yaml.trim() || tooLarge}
              >
                {pending ? <Loader2 className="animate-spin" aria-hidden /> : <Eye aria-hidden />} Preview
              </Button>
              <Button type="submit" name="intent" value="import" disabled={pending || !importable}>
                <Upload aria-hidden /> Import
              </Button>
              {current && result.dryRun && !importable && (
                <span className="text-sm text-muted-foreground">
                  Nothing to import: no document would change.
                </span>
              )}
              {result && !current && (
                <span className="text-sm text-muted-foreground">The YAML changed: preview it again.</span>
              )}
              {result && current && !result.dryRun && (
                <Link href="/slos" className="text-sm font-medium text-primary hover:underline">
                  View SLOs
                </Link>
              )}
            </div>
          </form>
        </CardContent>
      </Card>
      {result && <ImportResults result={result} stale={!current} />}
    </div>
  );
}
