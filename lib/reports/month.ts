// Report months (SPEC 1.7): `YYYY-MM` in the report's timezone.

export interface ReportMonth {
  year: number;
  month: number; // 1–12
  key: string; // 'YYYY-MM'
}

const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;

/** Parses 'YYYY-MM' strictly (real months, years 2000–2100); null otherwise. */
export function parseMonthKey(key: string): ReportMonth | null {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(key);
  if (!match) return null;
  const year = Number(match[1]);
  if (year < FIRST_YEAR || year > LAST_YEAR) return null;
  return { year, month: Number(match[2]), key };
}

export function monthKey(year: number, month: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** The month `delta` months away (negative = earlier). */
export function shiftMonth(m: ReportMonth, delta: number): ReportMonth {
  const index = m.year * 12 + (m.month - 1) + delta;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, key: monthKey(year, month) };
}

/** The `count` months before `m`, newest first. */
export function previousMonths(m: ReportMonth, count: number): ReportMonth[] {
  return Array.from({ length: count }, (_, i) => shiftMonth(m, -(i + 1)));
}

const labelFormat = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', month: 'long', year: 'numeric' });
const shortFormat = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', month: 'short', year: 'numeric' });

/** '2026-11' → 'November 2026'. */
export function monthLabel(m: ReportMonth): string {
  return labelFormat.format(Date.UTC(m.year, m.month - 1, 1));
}

/** '2026-11' → 'Nov 2026'. */
export function monthShortLabel(m: ReportMonth): string {
  return shortFormat.format(Date.UTC(m.year, m.month - 1, 1));
}
