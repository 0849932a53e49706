// CSV import of demand samples: papaparse reads the text, lib/capacity checks each row,
// and either every row is written in one transaction or nothing is (per-row errors listed).
import Papa from 'papaparse';
import type { Executor } from '@/db/client';
import type { Actor } from '@/lib/audit';
import { checkDemand, type DemandPoint } from '@/lib/capacity/samples';
import { ValidationError } from '@/lib/errors';
import { writeSamples } from './samples';

export const MAX_CAPACITY_CSV_ROWS = 20_000;
export const MAX_CAPACITY_CSV_CHARS = 2_000_000;
const MAX_LISTED_ERRORS = 200;
const TS_COLUMNS = ['ts', 'timestamp', 'time', 'date'];

export interface CapacityCsvError {
  /** Row as a spreadsheet numbers it: the header is row 1. */
  row: number;
  column: string;
  message: string;
}

/** Reads and checks the whole file; returns the points or every error by row and column. */
export function parseCapacityCsv(
  text: string,
  now = Date.now(),
): { points: DemandPoint[]; rows: number; errors: CapacityCsvError[] } {
  if (text.length > MAX_CAPACITY_CSV_CHARS)
    throw new ValidationError('File too large', {
      csv: [`The file is ${text.length} characters; the limit is ${MAX_CAPACITY_CSV_CHARS}. Split it.`],
    });
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (name) => name.trim().toLowerCase(),
  });
  const header = parsed.meta.fields ?? [];
  const tsColumn = TS_COLUMNS.find((c) => header.includes(c));
  const errors: CapacityCsvError[] = [];
  if (!tsColumn)
    errors.push({ row: 1, column: 'ts', message: 'Missing column "ts" (or "timestamp", "date").' });
  if (!header.includes('value')) errors.push({ row: 1, column: 'value', message: 'Missing column "value".' });
  if (errors.length > 0) return { points: [], rows: parsed.data.length, errors };
  if (parsed.data.length === 0) throw new ValidationError('No rows', { csv: ['The file has no data rows'] });
  if (parsed.data.length > MAX_CAPACITY_CSV_ROWS)
    throw new ValidationError('Too many rows', {
      csv: [`The file has ${parsed.data.length} rows; the limit is ${MAX_CAPACITY_CSV_ROWS} per import.`],
    });
  for (const e of parsed.errors)
    if (e.code !== 'TooFewFields' && e.code !== 'UndetectableDelimiter')
      errors.push({ row: (e.row ?? 0) + 2, column: 'row', message: e.message });
  const byTs = new Map<number, DemandPoint>();
  parsed.data.forEach((cells, i) => {
    const rawValue = (cells.value ?? '').trim();
    const value = rawValue === '' ? Number.NaN : Number(rawValue);
    const checked = checkDemand((cells[tsColumn as string] ?? '').trim(), value, now, { dateOnly: true });
    if (checked.ok) byTs.set(checked.point.ts, checked.point);
    else
      for (const e of checked.errors)
        errors.push({
          row: i + 2,
          column: e.field === 'ts' ? (tsColumn as string) : 'value',
          message: e.field === 'value' && rawValue !== '' ? `"${rawValue}" ${e.message}` : e.message,
        });
  });
  errors.sort((a, b) => a.row - b.row);
  return { points: [...byTs.values()], rows: parsed.data.length, errors };
}

/** Imports every row in one transaction, or — when any row is bad — nothing at all. */
export async function importCapacityCsv(
  db: Executor,
  actor: Actor,
  resourceId: string,
  text: string,
  now = Date.now(),
) {
  const { points, rows, errors } = parseCapacityCsv(text, now);
  if (errors.length > 0) {
    const badRows = new Set(errors.map((e) => e.row)).size;
    throw new ValidationError(
      errors.some((e) => e.row === 1)
        ? 'The header is missing a required column; nothing was imported'
        : `${badRows} of ${rows} rows have errors; nothing was imported`,
      { csv: errors.slice(0, MAX_LISTED_ERRORS).map((e) => `Row ${e.row}, ${e.column}: ${e.message}`) },
    );
  }
  return writeSamples(db, actor, resourceId, points, 'csv');
}
