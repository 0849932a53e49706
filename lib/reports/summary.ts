// The executive summary: one paragraph of plain sentences generated from the report's numbers,
// and the decisions leadership is asked to take (SPEC 1.7).

import { formatPercent } from '@/lib/slo/format';
import type { MonthlyReport, Rag, SlaReportRow, SloReportRow } from './types';

type SummaryInput = Pick<MonthlyReport, 'label' | 'closed' | 'slas' | 'slos' | 'incidents' | 'toil'>;

export function ragOf(met: boolean | null, slos: Array<Pick<SloReportRow, 'budgetRemaining'>>): Rag {
  if (met === null) return 'grey';
  if (!met) return 'red';
  return slos.some((s) => s.budgetRemaining !== null && s.budgetRemaining <= 0.25) ? 'amber' : 'green';
}

/** The report's overall colour: the worst of its SLAs (grey only when nothing was measured). */
export function overallRag(rows: Array<Pick<SlaReportRow, 'rag'>>): Rag {
  for (const rag of ['red', 'amber', 'green'] as const) if (rows.some((r) => r.rag === rag)) return rag;
  return 'grey';
}

function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function executiveSummary(r: SummaryInput): string {
  const sentences: string[] = [];
  const measured = r.slas.filter((s) => s.met !== null);
  const breached = r.slas.filter((s) => s.met === false);
  const period = r.closed ? `In ${r.label}` : `So far in ${r.label}`;
  if (r.slas.length === 0) sentences.push(`${period} no SLA was defined, so no commitment was measured.`);
  else if (measured.length === 0)
    sentences.push(`${period} none of the ${plural(r.slas.length, 'SLA')} had data.`);
  else if (breached.length === 0)
    sentences.push(`${period} all ${plural(measured.length, 'measured SLA')} were met.`);
  else {
    const names = breached.map(
      (s) => `${s.serviceName} (${formatPercent(s.attainment, 2)} against ${formatPercent(s.target, 2)})`,
    );
    sentences.push(
      `${period} ${breached.length} of ${plural(measured.length, 'measured SLA')} ${breached.length === 1 ? 'was' : 'were'} breached: ${list(names)}.`,
    );
  }
  const credits = r.slas.filter((s) => s.creditPercent > 0);
  if (credits.length > 0)
    sentences.push(
      `Service credits are owed on ${list(credits.map((s) => `${s.name} (${s.creditPercent} %)`))}.`,
    );
  const depleted = r.slos.filter((s) => s.budgetRemaining !== null && s.budgetRemaining <= 0.05);
  if (depleted.length > 0)
    sentences.push(
      `${plural(depleted.length, 'SLO')} exhausted ${depleted.length === 1 ? 'its' : 'their'} error budget: ${list(depleted.map((s) => s.name))}.`,
    );
  if (r.incidents.available) {
    const major = (r.incidents.bySeverity.SEV1 ?? 0) + (r.incidents.bySeverity.SEV2 ?? 0);
    if (r.incidents.total === 0) sentences.push('There were no incidents.');
    else
      sentences.push(
        `There ${r.incidents.total === 1 ? 'was' : 'were'} ${plural(r.incidents.total, 'incident')}${major > 0 ? `, ${major} of them SEV1 or SEV2` : ''}.`,
      );
  }
  const overCap = r.toil.teams.filter((t) => t.overCap);
  if (overCap.length > 0)
    sentences.push(
      `${list(overCap.map((t) => t.team))} spent more than ${formatPercent(r.toil.cap, 0)} of ${overCap.length === 1 ? 'its' : 'their'} time on toil.`,
    );
  return sentences.join(' ');
}

/** What leadership is asked to decide: freezes for exhausted budgets, staffing for toil over the cap. */
export function decisionsNeeded(r: SummaryInput): string[] {
  const out: string[] = [];
  for (const s of r.slos)
    if (s.budgetRemaining !== null && s.budgetRemaining <= 0.05)
      out.push(`Confirm the feature freeze on ${s.serviceName} until "${s.name}" recovers its error budget.`);
  for (const s of r.slas)
    if (s.met === false)
      out.push(`Agree a reliability plan for ${s.serviceName}: its SLA "${s.name}" was breached.`);
  for (const t of r.toil.teams)
    if (t.overCap) out.push(`Fund automation or headcount for ${t.team}: toil is above the cap.`);
  return out;
}
