import Papa from 'papaparse';
import type { MonthlyReport } from './types';

// One row per SLA and per SLO (SPEC 1.7). Fractions stay fractions (0.999) so spreadsheets can
// compute with them; cells that a spreadsheet would run as a formula are neutralised.

export const REPORT_CSV_COLUMNS = [
  'month',
  'kind',
  'name',
  'service',
  'target',
  'attainment',
  'met',
  'credit_percent',
  'budget_used',
  'budget_remaining',
  'status',
] as const;

const num = (v: number | null) => (v === null || !Number.isFinite(v) ? '' : String(Number(v.toFixed(9))));

export function reportCsv(r: MonthlyReport): string {
  const rows = [
    ...r.slas.map((s) => ({
      month: r.month,
      kind: 'sla',
      name: s.name,
      service: s.serviceName,
      target: num(s.target),
      attainment: num(s.attainment),
      met: s.met === null ? '' : String(s.met),
      credit_percent: String(s.creditPercent),
      budget_used: num(s.budgetUsed),
      budget_remaining: '',
      status: s.met === null ? 'no data' : s.met ? 'met' : 'breached',
    })),
    ...r.slos.map((s) => ({
      month: r.month,
      kind: 'slo',
      name: s.name,
      service: s.serviceName,
      target: num(s.target),
      attainment: num(s.attainment),
      met: s.attainment === null ? '' : String(s.attainment >= s.target),
      credit_percent: '',
      budget_used: s.budgetRemaining === null ? '' : num(1 - s.budgetRemaining),
      budget_remaining: num(s.budgetRemaining),
      status: s.status,
    })),
  ];
  return `${Papa.unparse({ fields: [...REPORT_CSV_COLUMNS], data: rows.map((row) => REPORT_CSV_COLUMNS.map((c) => row[c])) }, { escapeFormulae: true })}\r\n`;
}
