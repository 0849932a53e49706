'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { toast } from 'sonner';
import { EntryForm } from '@/components/toil/entry-form';
import { RecentEntries } from '@/components/toil/recent-entries';
import type { EntryValues, Option, RecentEntry, TaskSuggestion } from '@/components/toil/types';
import { entryFormData } from '@/components/toil/types';
import type { ActionState } from '@/lib/action-state';
import type { FieldErrors } from '@/lib/errors';
import { formatMinutes, parseMinutes } from '@/lib/toil/minutes';
import { createToilEntryAction, deleteToilEntryAction } from './actions';

const QUERY_KEY = ['toil', 'recent'];
const LIMIT = 10;

class ActionFailure extends Error {
  constructor(readonly state: ActionState) {
    super(state?.message ?? 'Not saved');
  }
}

/** Today in the browser's time zone: toil dates are the engineer's calendar days. */
function localToday(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

async function fetchRecent(): Promise<RecentEntry[]> {
  const res = await fetch('/toil/recent', { cache: 'no-store' });
  if (!res.ok) throw new Error(`Could not load recent entries (${res.status})`);
  return res.json();
}

async function run<T>(
  action: (prev: ActionState<T>, form: FormData) => Promise<ActionState<T>>,
  form: FormData,
) {
  const state = await action(null, form);
  if (!state?.ok) throw new ActionFailure(state);
  return state;
}

export function ToilWorkspace({
  initialRecent,
  today,
  team,
  teams,
  categories,
  services,
  suggestions,
}: {
  initialRecent: RecentEntry[];
  today: string;
  team: string;
  teams: Option[];
  categories: Option[];
  services: Option[];
  suggestions: TaskSuggestion[];
}) {
  const queryClient = useQueryClient();
  const taskRef = useRef<HTMLInputElement>(null);
  const blank = (date: string, teamId: string): EntryValues => ({
    team: teamId,
    date,
    task: '',
    category: '',
    minutes: '',
    service: '',
    interrupt: false,
    after_hours: false,
    automatable: 'none',
    notes: '',
  });
  const [values, setValues] = useState<EntryValues>(() => blank(today, team));
  const [errors, setErrors] = useState<FieldErrors>({});
  const { data: recent = [], isFetching } = useQuery({
    queryKey: QUERY_KEY,
    queryFn: fetchRecent,
    initialData: initialRecent,
  });

  // The server rendered UTC's today; switch to the browser's calendar day once.
  useEffect(() => {
    const local = localToday();
    setValues((v) => (v.date === today ? { ...v, date: local } : v));
    taskRef.current?.focus();
  }, [today]);

  const remove = useMutation({
    mutationFn: (entry: RecentEntry) => run(deleteToilEntryAction, idForm(entry.id)),
    onMutate: async (entry) => {
      await queryClient.cancelQueries({ queryKey: QUERY_KEY });
      const previous = queryClient.getQueryData<RecentEntry[]>(QUERY_KEY);
      queryClient.setQueryData<RecentEntry[]>(QUERY_KEY, (old = []) => old.filter((e) => e.id !== entry.id));
      return { previous };
    },
    onError: (err, _entry, context) => {
      queryClient.setQueryData(QUERY_KEY, context?.previous);
      toast.error(err.message);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: QUERY_KEY }),
  });

  const create = useMutation({
    mutationFn: ({ submitted }: { submitted: EntryValues; fromForm: boolean }) =>
      run(createToilEntryAction, entryFormData(submitted)),
    onMutate: async ({ submitted, fromForm }) => {
      await queryClient.cancelQueries({ queryKey: QUERY_KEY });
      const previous = queryClient.getQueryData<RecentEntry[]>(QUERY_KEY);
      const optimistic = optimisticEntry(submitted, categories, services);
      queryClient.setQueryData<RecentEntry[]>(QUERY_KEY, (old = []) => [optimistic, ...old].slice(0, LIMIT));
      if (fromForm) {
        // Ready for the next entry at once: same date and team, empty task.
        setValues(blank(submitted.date, submitted.team));
        setErrors({});
        taskRef.current?.focus();
      }
      return { previous, optimisticId: optimistic.id };
    },
    onError: (err, { submitted, fromForm }, context) => {
      queryClient.setQueryData(QUERY_KEY, context?.previous);
      const state = err instanceof ActionFailure ? err.state : null;
      if (fromForm) {
        // Nothing was saved: give the typed values back, with the errors next to their fields.
        setValues(submitted);
        setErrors(state?.fieldErrors ?? {});
      }
      toast.error(state?.message ?? err.message);
    },
    onSuccess: (state, _submitted, context) => {
      const saved = state.data;
      if (!saved) return;
      queryClient.setQueryData<RecentEntry[]>(QUERY_KEY, (old = []) =>
        old.map((e) => (e.id === context.optimisticId ? saved : e)),
      );
      toast.success(`Logged ${formatMinutes(saved.minutes)}: ${saved.task}`, {
        action: { label: 'Undo', onClick: () => remove.mutate(saved) },
      });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: QUERY_KEY }),
  });

  return (
    <div className="grid grid-cols-1 gap-6">
      <EntryForm
        values={values}
        onChange={(patch) => {
          setValues((v) => ({ ...v, ...patch }));
          // A field's error goes away as soon as the user changes that field.
          setErrors((e) => {
            const stale = Object.keys(patch).filter((k) => e[k]);
            if (stale.length === 0) return e;
            const next = { ...e };
            for (const k of stale) delete next[k];
            return next;
          });
        }}
        errors={errors}
        categories={categories}
        services={services}
        teams={teams}
        suggestions={suggestions}
        onSubmit={() => create.mutate({ submitted: values, fromForm: true })}
        taskRef={taskRef}
      />
      <RecentEntries
        entries={recent}
        refreshing={isFetching}
        onDelete={(entry) =>
          remove.mutate(entry, {
            onSuccess: () =>
              toast.success(`Deleted "${entry.task}"`, {
                action: {
                  label: 'Undo',
                  onClick: () => create.mutate({ submitted: restoreValues(entry), fromForm: false }),
                },
              }),
          })
        }
      />
    </div>
  );
}

function idForm(id: string): FormData {
  const form = new FormData();
  form.set('id', id);
  return form;
}

function optimisticEntry(values: EntryValues, categories: Option[], services: Option[]): RecentEntry {
  const parsed = parseMinutes(values.minutes);
  return {
    id: `pending-${Date.now()}`,
    date: values.date,
    task: values.task.trim(),
    minutes: parsed.ok ? parsed.minutes : 0,
    category: values.category,
    categoryName: categories.find((c) => c.value === values.category)?.label ?? '',
    service: values.service || null,
    serviceName: services.find((s) => s.value === values.service)?.label ?? null,
    interrupt: values.interrupt,
    afterHours: values.after_hours,
    automatable: values.automatable,
    notes: values.notes || null,
    teamId: values.team,
    createdAt: new Date().toISOString(),
    pending: true,
  };
}

/** The values that log a deleted entry again (Undo of a delete). */
function restoreValues(entry: RecentEntry): EntryValues {
  return {
    team: entry.teamId,
    date: entry.date,
    task: entry.task,
    category: entry.category,
    minutes: String(entry.minutes),
    service: entry.service ?? '',
    interrupt: entry.interrupt,
    after_hours: entry.afterHours,
    automatable: entry.automatable,
    notes: entry.notes ?? '',
  };
}
