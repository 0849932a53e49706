// Bulk CSV import of toil (SPEC 1.4): papaparse reads the text, lib/toil
// validates each record, and the rows go in one transaction — all of them, or,
// when the user explicitly asks, only the valid ones. Never a partial write.

import Papa from 'papaparse';
import type { Actor } from '@/lib/audit';
import { ValidationError } from '@/lib/errors';
import type { CsvRowError, ToilImportCheck, ToilRowInput } from '@/lib/toil/csv';

export type { ToilImportCheck };

import type { Executor } from '@/db/client';
import { mutate } from '@/db/platform/mutation';
import { toilEntries } from '@/db/schema';
import { validateToilCsvHeader, validateToilRow } from '@/lib/toil/csv';
import { entryColumns, knownToilValues } from './entries';

export const MAX_IMPORT_ROWS = 5000;
export const MAX_IMPORT_CHARS = 2_000_000;
/** Errors listed back to the user; the count is always exact. */
const MAX_LISTED_ERRORS = 500;

export interface CsvRecord {
  /** Row number as a spreadsheet shows it: the header is row 1. */
  row: number;
  cells: Record<string, string>;
}

/** Reads CSV text into records keyed by header; structural problems become row errors. */
export function parseToilCsv(text: string): {
  header: string[];
  records: CsvRecord[];
  errors: CsvRowError[];
} {
  if (text.length > MAX_IMPORT_CHARS)
    throw new ValidationError('File too large', {
      csv: [`The file is ${text.length} characters; the limit is ${MAX_IMPORT_CHARS}. Split it.`],
    });
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (name) => name.trim().toLowerCase(),
  });
  const header = (parsed.meta.fields ?? []).filter((name) => name !== '');
  if (header.length === 0) throw new ValidationError('Empty file', { csv: ['The file has no header row'] });
  const errors: CsvRowError[] = [...validateToilCsvHeader(header)];
  for (const error of parsed.errors) {
    // A short row simply leaves its last (optional) cells empty; the row check names any required one.
    if (error.code === 'TooFewFields' || error.code === 'UndetectableDelimiter') continue;
    errors.push({ row: (error.row ?? 0) + 2, column: 'row', message: error.message });
  }
  const records = parsed.data.map((cells, i) => ({ row: i + 2, cells }));
  if (records.length > MAX_IMPORT_ROWS)
    throw new ValidationError('Too many rows', {
      csv: [`The file has ${records.length} rows; the limit is ${MAX_IMPORT_ROWS} per import.`],
    });
  return { header, records, errors };
}

interface Checked {
  check: ToilImportCheck;
  valid: Array<{ row: number; value: ToilRowInput }>;
  refs: Awaited<ReturnType<typeof knownToilValues>>;
}

async function checkRecords(db: Executor, text: string, now: Date): Promise<Checked> {
  const { records, errors: structural } = parseToilCsv(text);
  if (records.length === 0) throw new ValidationError('No rows', { csv: ['The file has no data rows'] });
  const refs = await knownToilValues(db);
  const headerErrors = structural.filter((e) => e.row === 1);
  const badRows = new Set(structural.filter((e) => e.row > 1).map((e) => e.row));
  const errors = [...structural];
  const valid: Checked['valid'] = [];
  // Without the required columns every row would repeat the same complaint: report the header only.
  for (const record of headerErrors.length > 0 ? [] : records) {
    const result = validateToilRow(record.cells, record.row, refs.known, { now });
    if (!result.ok) {
      errors.push(...result.errors);
      badRows.add(record.row);
    } else if (!badRows.has(record.row)) {
      valid.push({ row: record.row, value: result.value });
    }
  }
  errors.sort((a, b) => a.row - b.row);
  const invalidRows = headerErrors.length > 0 ? records.length : badRows.size;
  return {
    check: {
      total: records.length,
      valid: valid.length,
      invalidRows,
      errors: errors.slice(0, MAX_LISTED_ERRORS),
      sample: valid.slice(0, 20),
    },
    valid,
    refs,
  };
}

/** The preview: what would be imported and every error by row and column. Writes nothing. */
export async function checkToilImport(
  db: Executor,
  text: string,
  now = new Date(),
): Promise<ToilImportCheck> {
  return (await checkRecords(db, text, now)).check;
}

export function describeRowError(error: CsvRowError): string {
  return `Row ${error.row}, ${error.column}: ${error.message}`;
}

/**
 * Imports every row in one transaction with one audit record. Any bad row
 * refuses the whole file unless `validOnly` is set, which imports the valid
 * rows and reports the others as skipped.
 */
export async function importToilCsv(
  db: Executor,
  actor: Actor,
  owner: { userId: string; teamId: string },
  text: string,
  opts: { validOnly?: boolean; now?: Date } = {},
) {
  const { check, valid, refs } = await checkRecords(db, text, opts.now ?? new Date());
  const hasErrors = check.errors.length > 0;
  if (hasErrors && (!opts.validOnly || check.invalidRows === check.total)) {
    throw new ValidationError(
      `${check.invalidRows} of ${check.total} rows have errors; nothing was imported`,
      { csv: check.errors.map(describeRowError) },
    );
  }
  return mutate(db, actor, async ({ tx }) => {
    const ids: string[] = [];
    // Chunks keep each statement well under the bind-parameter limit.
    for (let i = 0; i < valid.length; i += 500) {
      const rows = await tx
        .insert(toilEntries)
        .values(
          valid.slice(i, i + 500).map(({ value }) => ({
            ...entryColumns(value, refs),
            userId: owner.userId,
            teamId: owner.teamId,
          })),
        )
        .returning({ id: toilEntries.id });
      ids.push(...rows.map((r) => r.id));
    }
    return {
      result: { imported: ids.length, skipped: check.invalidRows, errors: check.errors },
      change: {
        action: 'toil.entry.import',
        entityType: 'toil_entry',
        entityId: `import:${ids.length}`,
        after: { imported: ids.length, skippedRows: check.invalidRows, teamId: owner.teamId, ids },
      },
    };
  });
}
