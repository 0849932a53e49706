import type { Automatable } from '@/lib/toil/aggregates';

export type Option = { value: string; label: string };

/** A row of "my recent entries", as the page and /toil/recent send it. */
export interface RecentEntry {
  id: string;
  date: string;
  task: string;
  minutes: number;
  category: string;
  categoryName: string;
  service: string | null;
  serviceName: string | null;
  interrupt: boolean;
  afterHours: boolean;
  automatable: Automatable;
  notes: string | null;
  teamId: string;
  /** ISO timestamp. */
  createdAt: string;
  /** Shown before the server confirmed it (optimistic insert). */
  pending?: boolean;
}

/** A task the team logged recently, with the values of its latest entry. */
export interface TaskSuggestion {
  task: string;
  category: string;
  service: string | null;
  minutes: number;
  automatable: Automatable;
  uses: number;
}

/** The entry form's values, named like the CSV columns the server validates. */
export interface EntryValues {
  team: string;
  date: string;
  task: string;
  category: string;
  minutes: string;
  service: string;
  interrupt: boolean;
  after_hours: boolean;
  automatable: Automatable;
  notes: string;
}

export function entryFormData(values: EntryValues): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(values)) {
    if (typeof value === 'boolean') form.set(key, value ? 'true' : 'false');
    else form.set(key, value);
  }
  return form;
}
