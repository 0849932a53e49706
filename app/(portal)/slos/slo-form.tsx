'use client';

import { useRouter } from 'next/navigation';
import { useActionState, useEffect, useMemo, useRef, useState, useTransition } from 'react';
import { FormField, fieldProps } from '@/components/forms/form-field';
import { SubmitButton } from '@/components/forms/submit-button';
import { useActionToast } from '@/components/forms/use-action-toast';
import { StatusBadge } from '@/components/slo/status-badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Input, Select, Textarea } from '@/components/ui/input';
import type { ActionState } from '@/lib/action-state';
import { formatPercent, slugify } from '@/lib/format';
import type { SloStatus } from '@/lib/slo/policy';
import type { validateSloForm } from '@/lib/validation/slo-form';
import { previewBudgetAction } from './actions';

type Action = (prev: ActionState<{ slug: string }>, form: FormData) => Promise<ActionState<{ slug: string }>>;
type Preview = Awaited<ReturnType<typeof previewBudgetAction>>;

/** Between 1 and 50 %: a real but unusual target that needs a confirmation. */
function lowTarget(raw: string | undefined): boolean {
  const n = Number(String(raw ?? '').replace(',', '.'));
  return Number.isFinite(n) && n >= 1 && n < 50;
}

export function SloForm({
  action,
  services,
  initial,
  slo,
}: {
  action: Action;
  services: { id: string; name: string }[];
  initial: Record<string, string>;
  slo?: { id: string; version: number };
}) {
  const router = useRouter();
  const [state, formAction] = useActionState(action, null);
  const [values, setValues] = useState(initial);
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const slugEdited = useRef(Boolean(slo));
  const [preview, setPreview] = useState<Preview | null>(null);
  const [previewing, startPreview] = useTransition();
  useActionToast(state, () => {
    if (state?.data?.slug) router.push(`/slos/${state.data.slug}`);
    router.refresh();
  });

  // Live validation: the same schema the server runs, shown for fields the user has touched. The
  // schema (zod) is fetched after hydration, so it is not part of the form's first load.
  const [validate, setValidate] = useState<typeof validateSloForm>();
  useEffect(() => {
    let mounted = true;
    import('@/lib/validation/slo-form').then((m) => mounted && setValidate(() => m.validateSloForm));
    return () => {
      mounted = false;
    };
  }, []);
  const liveErrors = useMemo<Record<string, string[]>>(
    () => validate?.(values).fieldErrors ?? {},
    [validate, values],
  );
  const shown: ActionState = {
    ok: false,
    values: state?.ok === false ? state.values : undefined,
    fieldErrors: {
      ...Object.fromEntries(Object.entries(liveErrors).filter(([k]) => touched[k])),
      ...(state?.ok === false ? state.fieldErrors : {}),
    },
  };

  useEffect(() => {
    const t = setTimeout(
      () => startPreview(async () => setPreview(await previewBudgetAction(slo?.id ?? null, values))),
      400,
    );
    return () => clearTimeout(t);
  }, [values, slo?.id]);

  function onChange(e: React.FormEvent<HTMLFormElement>) {
    const el = e.target as HTMLInputElement;
    if (!el.name) return;
    const value = el.type === 'checkbox' ? (el.checked ? 'on' : '') : el.value;
    setTouched((t) => ({ ...t, [el.name]: true }));
    setValues((v) => {
      const next = { ...v, [el.name]: value };
      if (el.name === 'slug') slugEdited.current = true;
      if (el.name === 'name' && !slugEdited.current) next.slug = slugify(el.value, 63);
      return next;
    });
  }

  const p = (name: string) => ({
    ...fieldProps(name, shown, values[name]),
    defaultValue: undefined,
    value: values[name] ?? '',
  });
  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_320px]">
      <form action={formAction} onChange={onChange} className="grid gap-5" noValidate>
        {slo && <input type="hidden" name="id" value={slo.id} />}
        {slo && <input type="hidden" name="version" value={slo.version} />}
        <div className="grid gap-5 sm:grid-cols-2">
          <FormField name="serviceId" label="Service" state={shown}>
            <Select {...p('serviceId')}>
              <option value="">Choose a service…</option>
              {services.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </Select>
          </FormField>
          <FormField name="name" label="Name" state={shown}>
            <Input {...p('name')} placeholder="Checkout availability" />
          </FormField>
        </div>
        <FormField name="slug" label="Slug" hint="Used by the API: /api/v1/slos/<slug>" state={shown}>
          <Input {...p('slug')} className="font-mono" />
        </FormField>
        <FormField name="description" label="Description" state={shown}>
          <Textarea {...p('description')} rows={2} />
        </FormField>
        <div className="grid gap-5 sm:grid-cols-3">
          <FormField name="sliKind" label="SLI" state={shown}>
            <Select {...p('sliKind')}>
              <option value="ratio">Ratio: good ÷ total events</option>
              <option value="latency">Latency: requests under a threshold</option>
            </Select>
          </FormField>
          {values.sliKind === 'latency' && (
            <FormField name="latencyThresholdMs" label="Threshold (ms)" state={shown}>
              <Input type="number" min={1} {...p('latencyThresholdMs')} />
            </FormField>
          )}
          <FormField name="target" label="Target (%)" hint="A percentage, e.g. 99.9" state={shown}>
            <Input inputMode="decimal" {...p('target')} />
          </FormField>
          {lowTarget(values.target) && (
            <label className="flex items-start gap-2 text-sm sm:col-span-3">
              <input
                type="checkbox"
                name="confirmLowTarget"
                className="mt-1"
                checked={values.confirmLowTarget === 'on'}
                onChange={() => {}}
              />
              <span>
                I mean {values.target} %: this SLO may let{' '}
                {Math.round(100 - Number(values.target.replace(',', '.')))} % of its events fail.
              </span>
            </label>
          )}
        </div>
        <div className="grid gap-5 sm:grid-cols-3">
          <FormField name="window" label="Window" state={shown}>
            <Select {...p('window')}>
              <option value="rolling:7">Rolling 7 days</option>
              <option value="rolling:28">Rolling 28 days</option>
              <option value="rolling:30">Rolling 30 days</option>
              <option value="rolling:90">Rolling 90 days</option>
              {values.window?.startsWith('rolling:') &&
                !['7', '28', '30', '90'].includes(values.window.slice(8)) && (
                  <option value={values.window}>Rolling {values.window.slice(8)} days</option>
                )}
              <option value="calendar:week">Calendar week</option>
              <option value="calendar:month">Calendar month</option>
              <option value="calendar:quarter">Calendar quarter</option>
            </Select>
          </FormField>
          {values.window?.startsWith('calendar') && (
            <FormField name="timezone" label="Time zone" hint="IANA name, e.g. Europe/Berlin" state={shown}>
              <Input {...p('timezone')} />
            </FormField>
          )}
          <FormField name="budgetingMethod" label="Budgeting method" state={shown}>
            <Select {...p('budgetingMethod')}>
              <option value="occurrences">Occurrences (events)</option>
              <option value="timeslices">Timeslices (good minutes)</option>
              <option value="ratio-timeslices">Ratio timeslices (mean per minute)</option>
            </Select>
          </FormField>
          {values.budgetingMethod === 'timeslices' && (
            <FormField
              name="timesliceTarget"
              label="Per-minute target (%)"
              hint="A minute is good at or above this"
              state={shown}
            >
              <Input inputMode="decimal" {...p('timesliceTarget')} />
            </FormField>
          )}
        </div>
        <div className="grid gap-5 sm:grid-cols-2">
          <FormField
            name="alertMinEvents"
            label="Minimum events for alerts"
            hint="Optional: suppress burn alerts on low traffic"
            state={shown}
          >
            <Input type="number" min={0} {...p('alertMinEvents')} />
          </FormField>
          <FormField name="runbookUrl" label="Runbook URL" hint="Optional" state={shown}>
            <Input type="url" {...p('runbookUrl')} />
          </FormField>
        </div>
        <div className="grid gap-5 sm:grid-cols-3">
          <FormField
            name="sourceType"
            label="SLI source"
            hint="Push: your jobs send samples to the API. Prometheus: pulled every minute."
            state={shown}
          >
            <Select {...p('sourceType')}>
              <option value="push">Pushed through the API</option>
              <option value="prometheus">Pulled from Prometheus</option>
            </Select>
          </FormField>
          {values.sourceType === 'prometheus' && (
            <>
              {values.badQuery ? (
                <FormField
                  name="badQuery"
                  label="Bad (error) events counter"
                  hint="good = all − bad; clear it to give a good-events counter instead"
                  state={shown}
                >
                  <Input {...p('badQuery')} className="font-mono" />
                </FormField>
              ) : (
                <FormField
                  name="goodQuery"
                  label="Good events counter"
                  hint='e.g. http_requests_total{job="api",code!~"5.."} or sum(rate(…[5m]))'
                  state={shown}
                >
                  <Input {...p('goodQuery')} className="font-mono" />
                </FormField>
              )}
              <FormField
                name="totalQuery"
                label="All events counter"
                hint='e.g. http_requests_total{job="api"}'
                state={shown}
              >
                <Input {...p('totalQuery')} className="font-mono" />
              </FormField>
            </>
          )}
        </div>
        <div>
          <SubmitButton>{slo ? 'Save SLO' : 'Create SLO'}</SubmitButton>
        </div>
      </form>
      <Card className="h-fit lg:sticky lg:top-20" aria-live="polite" data-testid="budget-preview">
        <CardHeader>
          <CardTitle>Budget preview</CardTitle>
          <CardDescription>
            What this definition gives over its last window{previewing ? ' (updating…)' : ''}.
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-2 text-sm">
          {!preview ? (
            <p className="text-muted-foreground">Calculating…</p>
          ) : 'error' in preview ? (
            <p className="text-muted-foreground">{preview.error}</p>
          ) : (
            <>
              <div className="flex justify-between">
                <span>Status</span> <StatusBadge status={preview.status as SloStatus} />
              </div>
              <div className="flex justify-between">
                <span>Attainment</span>{' '}
                <span className="tabular-nums">{formatPercent(preview.attainment, 3)}</span>
              </div>
              <div className="flex justify-between">
                <span>Budget remaining</span>{' '}
                <span className="tabular-nums">{formatPercent(preview.remaining, 1)}</span>
              </div>
              <div className="flex justify-between">
                <span>Budget left</span> <span className="tabular-nums">{preview.budgetLeft}</span>
              </div>
              <p className="text-xs text-muted-foreground">
                From {preview.minutesWithData.toLocaleString()} minutes of stored samples.
              </p>
            </>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
