'use client';

import { AlertTriangle } from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useActionState, useDeferredValue, useState } from 'react';
import { FormField, fieldProps } from '@/components/forms/form-field';
import { SubmitButton } from '@/components/forms/submit-button';
import { useActionToast } from '@/components/forms/use-action-toast';
import { LazyMarkdown } from '@/components/markdown/lazy-markdown';
import { Input, Select, Textarea } from '@/components/ui/input';
import { slugify } from '@/lib/runbooks/slug';
import { missingSections } from '@/lib/runbooks/template';
import { cn } from '@/lib/utils';
import { saveRunbookAction } from './actions';

export interface EditorRunbook {
  id?: string;
  version?: number;
  slug: string;
  title: string;
  serviceId: string | null;
  ownerTeamId: string | null;
  alertNames: string[];
  reviewIntervalDays: number;
  body: string;
}

type Option = { id: string; name: string };

/** The runbook editor: metadata, markdown with a live preview, and a version-checked save. */
export function RunbookEditor({
  runbook,
  services,
  teams,
}: {
  runbook: EditorRunbook;
  services: Option[];
  teams: Option[];
}) {
  const router = useRouter();
  const [state, action] = useActionState(saveRunbookAction, null);
  const [title, setTitle] = useState(runbook.title);
  const [slug, setSlug] = useState(runbook.slug);
  const [slugEdited, setSlugEdited] = useState(Boolean(runbook.id));
  const [body, setBody] = useState(runbook.body);
  const [tab, setTab] = useState<'write' | 'preview'>('write');
  const preview = useDeferredValue(body);
  useActionToast(state, () => {
    if (state?.data) router.push(`/runbooks/${state.data.slug}`);
  });
  const conflict = state?.ok === false && /changed this runbook/.test(state.message ?? '');
  const missing = missingSections(preview);

  return (
    <form action={action} className="grid gap-5" noValidate>
      {runbook.id && <input type="hidden" name="id" value={runbook.id} />}
      {runbook.version && <input type="hidden" name="version" value={runbook.version} />}
      {conflict && (
        <div
          role="alert"
          className="flex gap-2 rounded-md border border-critical/40 bg-critical/10 p-3 text-sm"
        >
          <AlertTriangle className="size-4 shrink-0 text-critical" aria-hidden />
          <div>
            <p className="font-medium">Not saved: someone else saved this runbook after you opened it.</p>
            <p>
              Your text is still here. Open the{' '}
              <Link href={`/runbooks/${runbook.slug}`} target="_blank" className="underline">
                latest version
              </Link>{' '}
              in a new tab, merge your change into it, and save there.
            </p>
          </div>
        </div>
      )}
      <div className="grid gap-5 sm:grid-cols-2">
        <FormField name="title" label="Title" state={state}>
          <Input
            id="title"
            name="title"
            value={title}
            aria-invalid={Boolean(state?.fieldErrors?.title) || undefined}
            onChange={(e) => {
              setTitle(e.target.value);
              if (!slugEdited) setSlug(slugify(e.target.value));
            }}
            required
            autoFocus={!runbook.id}
            maxLength={200}
          />
        </FormField>
        <FormField name="slug" label="Slug" hint="The runbook's address: /runbooks/<slug>" state={state}>
          <Input
            id="slug"
            name="slug"
            value={slug}
            aria-invalid={Boolean(state?.fieldErrors?.slug) || undefined}
            onChange={(e) => {
              setSlug(e.target.value);
              setSlugEdited(true);
            }}
            className="font-mono"
            required
          />
        </FormField>
        <FormField name="serviceId" label="Service" state={state}>
          <Select {...fieldProps('serviceId', state, runbook.serviceId)}>
            <option value="">Any service</option>
            {services.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField name="ownerTeamId" label="Owner team" state={state}>
          <Select {...fieldProps('ownerTeamId', state, runbook.ownerTeamId)}>
            <option value="">No owner</option>
            {teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField
          name="alertNames"
          label="Alerts it answers"
          hint="Prometheus alert names, separated by commas, e.g. SLOErrorBudgetBurnPage"
          state={state}
        >
          <Input {...fieldProps('alertNames', state, runbook.alertNames.join(', '))} className="font-mono" />
        </FormField>
        <FormField name="reviewIntervalDays" label="Review every (days)" state={state}>
          <Input
            {...fieldProps('reviewIntervalDays', state, runbook.reviewIntervalDays)}
            type="number"
            inputMode="numeric"
            min={1}
            max={3650}
          />
        </FormField>
      </div>

      <div className="grid gap-2">
        <div className="flex items-center justify-between gap-2">
          <span className="text-sm font-medium" id="body-label">
            Runbook
          </span>
          <div className="flex gap-1 lg:hidden" role="tablist" aria-label="Editor view">
            {(['write', 'preview'] as const).map((t) => (
              <button
                key={t}
                type="button"
                role="tab"
                aria-selected={tab === t}
                onClick={() => setTab(t)}
                className={cn(
                  'rounded-md px-3 py-1 text-sm capitalize',
                  tab === t && 'bg-accent font-medium',
                )}
              >
                {t}
              </button>
            ))}
          </div>
        </div>
        <div className="grid gap-4 lg:grid-cols-2">
          <div className={cn(tab === 'preview' && 'hidden lg:block')}>
            <Textarea
              id="body"
              name="body"
              aria-labelledby="body-label"
              aria-invalid={Boolean(state?.fieldErrors?.body) || undefined}
              value={body}
              onChange={(e) => setBody(e.target.value)}
              className="min-h-[28rem] font-mono text-xs leading-relaxed"
              spellCheck
            />
            {state?.fieldErrors?.body && (
              <p className="mt-1 text-sm text-destructive" role="alert">
                {state.fieldErrors.body.join('. ')}
              </p>
            )}
          </div>
          <section
            className={cn(
              'min-h-[28rem] rounded-md border bg-card p-4',
              tab === 'write' && 'hidden lg:block',
            )}
            data-testid="preview"
            aria-label="Preview"
          >
            {preview.trim() ? (
              <LazyMarkdown>{preview}</LazyMarkdown>
            ) : (
              <p className="text-sm text-muted-foreground">The preview appears as you type.</p>
            )}
          </section>
        </div>
        {missing.length > 0 && (
          <p className="text-xs text-muted-foreground">
            Sections the template suggests and this lacks: {missing.join(', ')}.
          </p>
        )}
      </div>
      <div className="flex gap-2">
        <SubmitButton>{runbook.id ? 'Save' : 'Create runbook'}</SubmitButton>
      </div>
    </form>
  );
}
