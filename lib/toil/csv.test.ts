import { describe, expect, it } from 'vitest';
import { DEFAULT_TOIL_CATEGORIES } from './categories';
import type { ToilRowInput } from './csv';
import {
  TOIL_CSV_COLUMNS,
  TOIL_CSV_HEADER,
  toCsv,
  toCsvRow,
  toilCsvValues,
  validateToilCsvHeader,
  validateToilRow,
} from './csv';

const known = { categories: DEFAULT_TOIL_CATEGORIES, services: ['checkout', 'Payments-API'] };
const now = new Date('2024-06-15T09:00:00Z');

const good: Record<string, string> = {
  date: '2024-06-14',
  task: 'Rotate TLS cert',
  category: 'Certificate rotation',
  minutes: '1h 30m',
  service: 'payments-api',
  interrupt: 'yes',
  after_hours: '0',
  automatable: 'Partial',
  notes: 'cert-manager was down',
};

function errorsOf(record: Record<string, string>): Array<{ column: string; message: string }> {
  const result = validateToilRow(record, 7, known, { now });
  if (result.ok) return [];
  expect(result.errors.every((error) => error.row === 7)).toBe(true);
  return result.errors.map(({ column, message }) => ({ column, message }));
}

describe('the CSV columns', () => {
  it('has the documented header', () => {
    expect(TOIL_CSV_HEADER).toBe(
      'date,task,category,minutes,service,interrupt,after_hours,automatable,notes',
    );
  });

  it('reports missing required columns against row 1', () => {
    expect(validateToilCsvHeader([...TOIL_CSV_COLUMNS])).toEqual([]);
    expect(validateToilCsvHeader(['Date', ' TASK ', 'category', 'minutes'])).toEqual([]);
    expect(validateToilCsvHeader(['date', 'notes'])).toEqual([
      { row: 1, column: 'task', message: 'Missing column "task".' },
      { row: 1, column: 'category', message: 'Missing column "category".' },
      { row: 1, column: 'minutes', message: 'Missing column "minutes".' },
    ]);
  });
});

describe('validateToilRow', () => {
  it('normalises a good row', () => {
    expect(validateToilRow(good, 2, known, { now })).toEqual({
      ok: true,
      value: {
        date: '2024-06-14',
        task: 'Rotate TLS cert',
        category: 'certificate-rotation',
        minutes: 90,
        service: 'Payments-API',
        interrupt: true,
        afterHours: false,
        automatable: 'partial',
        notes: 'cert-manager was down',
      },
    });
  });

  it('defaults the optional columns when empty or absent', () => {
    const result = validateToilRow(
      { date: '2024-06-15', task: ' Deploy ', category: 'DEPLOYMENTS', minutes: '45' },
      2,
      known,
      {
        now,
      },
    );
    expect(result).toEqual({
      ok: true,
      value: {
        date: '2024-06-15',
        task: 'Deploy',
        category: 'deployments',
        minutes: 45,
        service: null,
        interrupt: false,
        afterHours: false,
        automatable: 'none',
        notes: null,
      },
    });
  });

  it('reads header names case-insensitively', () => {
    const result = validateToilRow(
      { Date: '2024-06-01', TASK: 'x', Category: 'scaling', Minutes: '5' },
      2,
      known,
      { now },
    );
    expect(result.ok).toBe(true);
  });

  it.each([
    ['true', true],
    ['TRUE', true],
    ['Yes', true],
    ['1', true],
    ['false', false],
    ['no', false],
    ['0', false],
    ['', false],
  ])('reads the boolean %j as %s', (text, expected) => {
    const result = validateToilRow({ ...good, interrupt: text, after_hours: text }, 2, known, { now });
    expect(result.ok && result.value.interrupt === expected && result.value.afterHours === expected).toBe(
      true,
    );
  });

  it('lists every bad column of the row, in column order', () => {
    expect(
      errorsOf({
        date: '2024-13-01',
        task: '',
        category: 'Coffee',
        minutes: '90s',
        service: 'billing',
        interrupt: 'maybe',
        after_hours: 'y',
        automatable: 'mostly',
        notes: 'n'.repeat(2001),
      }),
    ).toEqual([
      { column: 'date', message: '2024-13-01 is not a calendar date.' },
      { column: 'task', message: 'Task is required.' },
      { column: 'category', message: 'Unknown category "Coffee".' },
      { column: 'minutes', message: '"90s" is not a duration; use e.g. 45, 45m, 1h30m or 1.5h.' },
      { column: 'service', message: 'Unknown service "billing".' },
      { column: 'interrupt', message: '"maybe" is not true, false, yes, no, 1, 0 or empty.' },
      { column: 'after_hours', message: '"y" is not true, false, yes, no, 1, 0 or empty.' },
      { column: 'automatable', message: '"mostly" is not none, partial, full or empty.' },
      { column: 'notes', message: 'Notes are 2001 characters; the limit is 2000.' },
    ]);
  });

  it('names each required column when the row is empty', () => {
    expect(errorsOf({}).map((error) => error.column)).toEqual(['date', 'task', 'category', 'minutes']);
  });

  it.each([
    ['15/06/2024', '"15/06/2024" is not a date; use YYYY-MM-DD.'],
    ['2023-02-29', '2023-02-29 is not a calendar date.'],
    ['2024-06-16', '2024-06-16 is in the future.'],
    ['', 'Date is required (YYYY-MM-DD).'],
  ])('rejects the date %j', (date, message) => {
    expect(errorsOf({ ...good, date })).toEqual([{ column: 'date', message }]);
  });

  it('accepts a leap day and today', () => {
    expect(errorsOf({ ...good, date: '2024-02-29' })).toEqual([]);
    expect(errorsOf({ ...good, date: '2024-06-15' })).toEqual([]);
  });

  it('accepts tomorrow (UTC) once it has begun at UTC+14', () => {
    const late = new Date('2024-06-15T12:00:00Z');
    expect(validateToilRow({ ...good, date: '2024-06-16' }, 2, known, { now: late }).ok).toBe(true);
    expect(validateToilRow({ ...good, date: '2024-06-17' }, 2, known, { now: late }).ok).toBe(false);
  });

  it('limits the task to 200 characters', () => {
    expect(errorsOf({ ...good, task: 't'.repeat(200) })).toEqual([]);
    expect(errorsOf({ ...good, task: 't'.repeat(201) })).toEqual([
      { column: 'task', message: 'Task is 201 characters; the limit is 200.' },
    ]);
  });

  it('passes the minutes parser errors through', () => {
    expect(errorsOf({ ...good, minutes: '0' })).toEqual([
      { column: 'minutes', message: 'Time spent must be more than 0 minutes.' },
    ]);
    expect(errorsOf({ ...good, minutes: '25h' })).toEqual([
      { column: 'minutes', message: 'Time spent must be at most 24h (1440 minutes) per entry.' },
    ]);
  });

  it('matches categories by slug or name, and plain known strings as written', () => {
    expect(errorsOf({ ...good, category: 'backup-restore' })).toEqual([]);
    expect(errorsOf({ ...good, category: 'backup/restore' })).toEqual([]);
    const result = validateToilRow(
      { ...good, category: 'on-call' },
      2,
      { ...known, categories: ['On-call'] },
      { now },
    );
    expect(result.ok && result.value.category).toBe('On-call');
  });
});

describe('CSV writing (RFC 4180)', () => {
  it('leaves plain fields alone and quotes commas, quotes and line breaks', () => {
    expect(toCsvRow(['a', '', '1h 30m'])).toBe('a,,1h 30m');
    expect(toCsvRow(['a,b', 'say "hi"', 'line1\nline2', 'cr\r'])).toBe(
      '"a,b","say ""hi""","line1\nline2","cr\r"',
    );
  });

  it('writes a file with CRLF after every record', () => {
    expect(toCsv(['a', 'b'], [['1', '2,3']])).toBe('a,b\r\n1,"2,3"\r\n');
  });

  it('exports an entry in column order so it validates back unchanged', () => {
    const entry: ToilRowInput = {
      date: '2024-06-01',
      task: 'Restart "stuck" worker, again',
      category: 'alert-triage',
      minutes: 25,
      service: 'checkout',
      interrupt: true,
      afterHours: true,
      automatable: 'full',
      notes: null,
    };
    const values = toilCsvValues(entry);
    expect(toCsvRow(values)).toBe(
      '2024-06-01,"Restart ""stuck"" worker, again",alert-triage,25,checkout,true,true,full,',
    );
    const record = Object.fromEntries(TOIL_CSV_COLUMNS.map((column, i) => [column, values[i]]));
    expect(validateToilRow(record, 2, known, { now })).toEqual({ ok: true, value: entry });
  });
});
