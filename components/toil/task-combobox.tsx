'use client';

import { useId, useMemo, useState } from 'react';
import { Input } from '@/components/ui/input';
import { formatMinutes } from '@/lib/toil/minutes';
import { cn } from '@/lib/utils';
import type { TaskSuggestion } from './types';

const MAX_OPTIONS = 8;

/**
 * The task field: an ARIA combobox over the team's recent tasks. Arrow keys
 * move through the matches, Enter picks one (and only then: with no option
 * highlighted, Enter submits the form), Escape closes the list.
 */
export function TaskCombobox({
  value,
  onChange,
  onChoose,
  suggestions,
  invalid,
  inputRef,
}: {
  value: string;
  onChange: (task: string) => void;
  onChoose: (suggestion: TaskSuggestion) => void;
  suggestions: readonly TaskSuggestion[];
  invalid?: boolean;
  inputRef?: React.Ref<HTMLInputElement>;
}) {
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const matches = useMemo(() => {
    const wanted = value.trim().toLowerCase();
    if (wanted === '') return suggestions.slice(0, MAX_OPTIONS);
    return suggestions
      .filter((s) => s.task.toLowerCase().includes(wanted) && s.task.toLowerCase() !== wanted)
      .slice(0, MAX_OPTIONS);
  }, [value, suggestions]);
  const expanded = open && matches.length > 0;

  function choose(suggestion: TaskSuggestion) {
    onChoose(suggestion);
    setOpen(false);
    setActive(-1);
  }

  function onKeyDown(e: React.KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      // With an empty field, ArrowDown browses the team's most used tasks.
      if (matches.length === 0) return;
      e.preventDefault();
      setOpen(true);
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((i) =>
        expanded ? (i + step + matches.length) % matches.length : step > 0 ? 0 : matches.length - 1,
      );
    } else if (e.key === 'Enter' && expanded && active >= 0) {
      e.preventDefault();
      choose(matches[active]);
    } else if (e.key === 'Escape' && expanded) {
      e.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  }

  return (
    <div className="relative">
      <Input
        ref={inputRef}
        id="task"
        name="task"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? 'task-error' : undefined}
        placeholder="What did you do? Start typing for the team's recent tasks"
        value={value}
        onChange={(e) => {
          onChange(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <div
        id={listId}
        role="listbox"
        aria-label="Recent tasks"
        hidden={!expanded}
        className="absolute z-20 mt-1 max-h-72 w-full overflow-auto rounded-md border bg-card p-1 shadow-md"
      >
        {matches.map((s, i) => (
          <div
            key={s.task}
            tabIndex={-1}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={cn(
              'flex cursor-pointer items-center justify-between gap-3 rounded-sm px-2 py-1.5 text-sm',
              i === active && 'bg-accent',
            )}
            onMouseDown={(e) => {
              // Keep focus in the input so the form stays keyboard-driven.
              e.preventDefault();
              choose(s);
            }}
            onMouseEnter={() => setActive(i)}
          >
            <span className="truncate">{s.task}</span>
            <span className="shrink-0 text-xs text-muted-foreground tabular-nums">
              {formatMinutes(s.minutes)} · {s.uses}×
            </span>
          </div>
        ))}
      </div>
    </div>
  );
}
