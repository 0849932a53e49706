// Checks for the cells of a toil CSV row (SPEC 1.4). Each takes the trimmed
// cell text and returns the value or a message naming what is wrong.

import type { Automatable } from './aggregates';
import { AUTOMATABLE_VALUES } from './aggregates';
import type { ToilCategory } from './categories';
import { matchCategory } from './categories';
import { parseMinutes } from './minutes';

export type FieldResult<T> = { ok: true; value: T } | { ok: false; message: string };

export const MAX_TASK_LENGTH = 200;
export const MAX_NOTES_LENGTH = 2000;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// UTC+14 is the earliest time zone: a date is in the future only once it has
// not started anywhere, so nobody east of UTC is refused today's entry.
const EARLIEST_OFFSET_MS = 14 * 60 * 60 * 1000;

export function checkDate(text: string, now: Date): FieldResult<string> {
  if (text === '') return { ok: false, message: 'Date is required (YYYY-MM-DD).' };
  const match = DATE.exec(text);
  if (!match) return { ok: false, message: `"${text}" is not a date; use YYYY-MM-DD.` };
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 2000) return { ok: false, message: `${text} is too far in the past; use a date from 2000 on.` };
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return { ok: false, message: `${text} is not a calendar date.` };
  }
  const latestToday = new Date(now.getTime() + EARLIEST_OFFSET_MS).toISOString().slice(0, 10);
  if (text > latestToday) return { ok: false, message: `${text} is in the future.` };
  return { ok: true, value: text };
}

function characters(text: string): number {
  return [...text].length;
}

export function checkTask(text: string): FieldResult<string> {
  if (text === '') return { ok: false, message: 'Task is required.' };
  const length = characters(text);
  if (length > MAX_TASK_LENGTH) {
    return { ok: false, message: `Task is ${length} characters; the limit is ${MAX_TASK_LENGTH}.` };
  }
  return { ok: true, value: text };
}

export function checkNotes(text: string): FieldResult<string | null> {
  const length = characters(text);
  if (length > MAX_NOTES_LENGTH) {
    return { ok: false, message: `Notes are ${length} characters; the limit is ${MAX_NOTES_LENGTH}.` };
  }
  return { ok: true, value: text === '' ? null : text };
}

export function checkCategory(
  text: string,
  known: ReadonlyArray<string | ToilCategory>,
): FieldResult<string> {
  if (text === '') return { ok: false, message: 'Category is required.' };
  const slug = matchCategory(text, known);
  return slug === null ? { ok: false, message: `Unknown category "${text}".` } : { ok: true, value: slug };
}

export function checkMinutes(text: string): FieldResult<number> {
  const parsed = parseMinutes(text);
  return parsed.ok ? { ok: true, value: parsed.minutes } : { ok: false, message: parsed.error };
}

export function checkService(text: string, services: readonly string[]): FieldResult<string | null> {
  if (text === '') return { ok: true, value: null };
  const found = services.find((service) => service.trim().toLowerCase() === text.toLowerCase());
  return found === undefined
    ? { ok: false, message: `Unknown service "${text}".` }
    : { ok: true, value: found };
}

const TRUE_WORDS = ['true', 'yes', '1'];
const FALSE_WORDS = ['false', 'no', '0', ''];

export function checkBoolean(text: string): FieldResult<boolean> {
  const word = text.toLowerCase();
  if (TRUE_WORDS.includes(word)) return { ok: true, value: true };
  if (FALSE_WORDS.includes(word)) return { ok: true, value: false };
  return { ok: false, message: `"${text}" is not true, false, yes, no, 1, 0 or empty.` };
}

export function checkAutomatable(text: string): FieldResult<Automatable> {
  const word = text.toLowerCase();
  if (word === '') return { ok: true, value: 'none' };
  const found = AUTOMATABLE_VALUES.find((value) => value === word);
  return found === undefined
    ? { ok: false, message: `"${text}" is not none, partial, full or empty.` }
    : { ok: true, value: found };
}
