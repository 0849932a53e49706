'use client';

import { CornerDownLeft } from 'lucide-react';
import { FormField, invalidProps } from '@/components/forms/form-field';
import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/input';
import type { FieldErrors } from '@/lib/errors';
import { formatMinutes, parseMinutes } from '@/lib/toil/minutes';
import { TaskCombobox } from './task-combobox';
import type { EntryValues, Option, TaskSuggestion } from './types';

/**
 * The keyboard-first toil form: task first (focused on load), Enter anywhere
 * submits, choosing a recent task fills category, service, minutes and
 * automatable from its latest entry. Values are controlled by the caller.
 */
export function EntryForm({
  values,
  onChange,
  errors,
  categories,
  services,
  teams,
  suggestions,
  onSubmit,
  taskRef,
}: {
  values: EntryValues;
  onChange: (patch: Partial<EntryValues>) => void;
  errors?: FieldErrors;
  categories: Option[];
  services: Option[];
  /** Shown as a picker when the user may log for more than one team. */
  teams: Option[];
  suggestions: TaskSuggestion[];
  onSubmit: () => void;
  taskRef: React.Ref<HTMLInputElement>;
}) {
  const parsed = values.minutes.trim() ? parseMinutes(values.minutes) : null;
  return (
    <form
      aria-label="Log toil"
      noValidate
      className="grid gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
      onKeyDown={(e) => {
        const target = e.target as HTMLElement;
        // Enter submits from any field (selects and checkboxes included); the combobox handles its own.
        if (e.key !== 'Enter' || e.defaultPrevented || e.nativeEvent.isComposing) return;
        if (target.tagName === 'BUTTON' || target.tagName === 'TEXTAREA') return;
        e.preventDefault();
        onSubmit();
      }}
    >
      <div className="grid gap-4 md:grid-cols-[minmax(0,1fr)_9rem_10rem]">
        <FormField name="task" label="Task" errors={errors}>
          <TaskCombobox
            inputRef={taskRef}
            value={values.task}
            onChange={(task) => onChange({ task })}
            onChoose={(s) =>
              onChange({
                task: s.task,
                category: s.category,
                service: s.service ?? '',
                minutes: formatMinutes(s.minutes),
                automatable: s.automatable,
              })
            }
            suggestions={suggestions}
            invalid={Boolean(errors?.task?.length)}
          />
        </FormField>
        <FormField
          name="minutes"
          label="Time spent"
          errors={errors}
          hint={parsed?.ok ? `= ${parsed.minutes} min` : '45, 1h, 1h30m'}
        >
          <Input
            {...invalidProps('minutes', errors)}
            inputMode="text"
            autoComplete="off"
            placeholder="45m"
            value={values.minutes}
            onChange={(e) => onChange({ minutes: e.target.value })}
          />
        </FormField>
        <FormField name="date" label="Date" errors={errors}>
          <Input
            {...invalidProps('date', errors)}
            // A text field is one Tab stop; a native date input costs one per segment.
            type="text"
            inputMode="numeric"
            placeholder="YYYY-MM-DD"
            autoComplete="off"
            value={values.date}
            onChange={(e) => onChange({ date: e.target.value })}
          />
        </FormField>
      </div>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <FormField name="category" label="Category" errors={errors}>
          <Select
            {...invalidProps('category', errors)}
            value={values.category}
            onChange={(e) => onChange({ category: e.target.value })}
          >
            <option value="">Choose…</option>
            {categories.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField name="service" label="Service" errors={errors}>
          <Select
            {...invalidProps('service', errors)}
            value={values.service}
            onChange={(e) => onChange({ service: e.target.value })}
          >
            <option value="">None</option>
            {services.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField name="automatable" label="Automatable" errors={errors}>
          <Select
            {...invalidProps('automatable', errors)}
            value={values.automatable}
            onChange={(e) => onChange({ automatable: e.target.value as EntryValues['automatable'] })}
          >
            <option value="none">No</option>
            <option value="partial">Partly</option>
            <option value="full">Fully</option>
          </Select>
        </FormField>
        {teams.length > 1 ? (
          <FormField name="team" label="Team" errors={errors}>
            <Select
              {...invalidProps('team', errors)}
              value={values.team}
              onChange={(e) => onChange({ team: e.target.value })}
            >
              {values.team === '' && <option value="">Choose…</option>}
              {teams.map((t) => (
                <option key={t.value} value={t.value}>
                  {t.label}
                </option>
              ))}
            </Select>
          </FormField>
        ) : (
          <fieldset className="grid content-start gap-1.5">
            <legend className="mb-1.5 text-sm font-medium leading-none">Flags</legend>
            <Flags values={values} onChange={onChange} />
          </fieldset>
        )}
      </div>
      {teams.length > 1 && <Flags values={values} onChange={onChange} />}
      <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_auto] sm:items-end">
        <FormField name="notes" label="Notes" errors={errors}>
          <Input
            {...invalidProps('notes', errors)}
            autoComplete="off"
            placeholder="Optional: ticket, link, what made it slow"
            value={values.notes}
            onChange={(e) => onChange({ notes: e.target.value })}
          />
        </FormField>
        <Button type="submit">
          <CornerDownLeft aria-hidden />
          Log toil
        </Button>
      </div>
      {errors?.team?.length && teams.length <= 1 ? (
        <p className="text-sm text-destructive" role="alert">
          {errors.team.join('. ')}
        </p>
      ) : null}
    </form>
  );
}

/** The interrupt and after-hours checkboxes. */
export function Flags({
  values,
  onChange,
}: {
  values: EntryValues;
  onChange: (patch: Partial<EntryValues>) => void;
}) {
  return (
    <div className="flex h-9 flex-wrap items-center gap-4 text-sm">
      <label className="flex items-center gap-1.5">
        <input
          type="checkbox"
          name="interrupt"
          checked={values.interrupt}
          onChange={(e) => onChange({ interrupt: e.target.checked })}
        />
        Interrupt
      </label>
      <label className="flex items-center gap-1.5">
        <input
          type="checkbox"
          name="after_hours"
          checked={values.after_hours}
          onChange={(e) => onChange({ after_hours: e.target.checked })}
        />
        After hours
      </label>
    </div>
  );
}
