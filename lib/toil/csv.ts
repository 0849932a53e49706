// Toil CSV import/export (SPEC 1.4). A CSV library turns the text into
// records; this module owns the columns, validates each record and writes rows.

import { neutraliseCsvCell, restoreCsvCell } from '@/lib/csv-safe';
import type { Automatable } from './aggregates';
import type { ToilCategory } from './categories';
import type { FieldResult } from './csv-fields';
import {
  checkAutomatable,
  checkBoolean,
  checkCategory,
  checkDate,
  checkMinutes,
  checkNotes,
  checkService,
  checkTask,
} from './csv-fields';

export { MAX_NOTES_LENGTH, MAX_TASK_LENGTH } from './csv-fields';

export const TOIL_CSV_COLUMNS = [
  'date',
  'task',
  'category',
  'minutes',
  'service',
  'interrupt',
  'after_hours',
  'automatable',
  'notes',
] as const;
export type ToilCsvColumn = (typeof TOIL_CSV_COLUMNS)[number];
export const TOIL_CSV_REQUIRED_COLUMNS: readonly ToilCsvColumn[] = ['date', 'task', 'category', 'minutes'];
export const TOIL_CSV_HEADER = TOIL_CSV_COLUMNS.join(',');

export interface ToilRowInput {
  /** YYYY-MM-DD */
  date: string;
  task: string;
  /** Category slug, or the known string it matched. */
  category: string;
  minutes: number;
  service: string | null;
  interrupt: boolean;
  afterHours: boolean;
  automatable: Automatable;
  notes: string | null;
}

export interface CsvRowError {
  row: number;
  column: string;
  message: string;
}

/** What an import would do: counts, every problem by row and column, and a preview. */
export interface ToilImportCheck {
  total: number;
  valid: number;
  invalidRows: number;
  /** Every problem, by row and column (capped at 500 listed). */
  errors: CsvRowError[];
  /** The first rows as they will be imported, for the preview. */
  sample: Array<{ row: number; value: ToilRowInput }>;
}

export type ToilRowResult = { ok: true; value: ToilRowInput } | { ok: false; errors: CsvRowError[] };

export interface KnownValues {
  /** Plain strings match as written; `{ slug, name }` match either and yield the slug. */
  categories: ReadonlyArray<string | ToilCategory>;
  services: readonly string[];
}

const COLUMN_OF: Record<keyof ToilRowInput, ToilCsvColumn> = {
  date: 'date',
  task: 'task',
  category: 'category',
  minutes: 'minutes',
  service: 'service',
  interrupt: 'interrupt',
  afterHours: 'after_hours',
  automatable: 'automatable',
  notes: 'notes',
};

type RowChecks = { [K in keyof ToilRowInput]: FieldResult<ToilRowInput[K]> };

/** Cells by column name, header names compared case-insensitively, values trimmed. */
function readCells(record: Record<string, string>): (column: ToilCsvColumn) => string {
  const cells = new Map<string, string>();
  for (const [key, value] of Object.entries(record)) {
    // Extra cells beyond the header arrive as an array (reported as a row error by the parser).
    if (typeof value !== 'string') continue;
    cells.set(key.trim().toLowerCase(), restoreCsvCell(value.trim()));
  }
  return (column) => cells.get(column) ?? '';
}

function collect(checks: RowChecks, rowNumber: number): ToilRowResult {
  const errors: CsvRowError[] = [];
  const value: Partial<Record<keyof ToilRowInput, unknown>> = {};
  for (const key of Object.keys(COLUMN_OF) as Array<keyof ToilRowInput>) {
    const check = checks[key];
    if (check.ok) value[key] = check.value;
    else errors.push({ row: rowNumber, column: COLUMN_OF[key], message: check.message });
  }
  // Every key was checked above and each check is typed by RowChecks.
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: value as ToilRowInput };
}

/** Validates one record; every bad column is reported, not only the first. */
export function validateToilRow(
  record: Record<string, string>,
  rowNumber: number,
  known: KnownValues,
  options: { now?: Date } = {},
): ToilRowResult {
  const cell = readCells(record);
  return collect(
    {
      date: checkDate(cell('date'), options.now ?? new Date()),
      task: checkTask(cell('task')),
      category: checkCategory(cell('category'), known.categories),
      minutes: checkMinutes(cell('minutes')),
      service: checkService(cell('service'), known.services),
      interrupt: checkBoolean(cell('interrupt')),
      afterHours: checkBoolean(cell('after_hours')),
      automatable: checkAutomatable(cell('automatable')),
      notes: checkNotes(cell('notes')),
    },
    rowNumber,
  );
}

/** Required columns missing from an import's header, reported against row 1. */
export function validateToilCsvHeader(header: readonly string[]): CsvRowError[] {
  const present = new Set(header.map((name) => name.trim().toLowerCase()));
  return TOIL_CSV_REQUIRED_COLUMNS.filter((column) => !present.has(column)).map((column) => ({
    row: 1,
    column,
    message: `Missing column "${column}".`,
  }));
}

/**
 * One CSV record per RFC 4180, without the line break: a field is quoted when
 * it holds a comma, quote, CR or LF, and quotes inside are doubled.
 */
export function toCsvRow(values: readonly string[]): string {
  return values
    .map(neutraliseCsvCell)
    .map((value) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value))
    .join(',');
}

/** A whole file: header then rows, each ended by CRLF as RFC 4180 has it. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  return [header, ...rows].map((row) => `${toCsvRow(row)}\r\n`).join('');
}

/** An entry's cells in TOIL_CSV_COLUMNS order, so an export re-imports unchanged. */
export function toilCsvValues(row: ToilRowInput): string[] {
  return [
    row.date,
    row.task,
    row.category,
    String(row.minutes),
    row.service ?? '',
    String(row.interrupt),
    String(row.afterHours),
    row.automatable,
    row.notes ?? '',
  ];
}
