// CSV cells that a spreadsheet would run as a formula (SPEC 7): a cell starting with
// `=`, `+`, `-`, `@` (or a tab / carriage return, which some spreadsheets skip first)
// is written with a leading apostrophe, which spreadsheets show as plain text.

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCsvCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Undoes `neutraliseCsvCell` on import, so an exported file re-imports unchanged. */
export function restoreCsvCell(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}
