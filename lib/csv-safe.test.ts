import { describe, expect, it } from 'vitest';
import { neutraliseCsvCell, restoreCsvCell } from './csv-safe';
import { toCsv } from './toil/csv';

describe('CSV formula injection (issue 9 item 4)', () => {
  it('neutralises cells starting with =, +, -, @', () => {
    for (const cell of ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1'])
      expect(neutraliseCsvCell(cell).startsWith("'")).toBe(true);
    expect(neutraliseCsvCell('restart pods')).toBe('restart pods');
  });
  it('the toil export writes no formula, and the import reads the cell back', () => {
    const csv = toCsv(['task'], [['=cmd|" /C calc"!A0']]);
    expect(csv).not.toMatch(/^=|\r\n"?=/m);
    expect(restoreCsvCell(neutraliseCsvCell('=1+1'))).toBe('=1+1');
    expect(restoreCsvCell("'quoted")).toBe("'quoted");
  });
});
