// The monthly SLA report as one plain object (SPEC 1.7): the page, the print view, the PDF,
// the CSV and `GET /api/v1/reports/{YYYY-MM}` all render this, so their numbers cannot differ.

import type { CreditTier } from './credits';

/** Red: an SLA breached. Amber: met, but a measuring SLO is critical or depleted. Grey: no data. */
export type Rag = 'red' | 'amber' | 'green' | 'grey';

export interface SlaReportRow {
  slaId: string;
  name: string;
  serviceSlug: string;
  serviceName: string;
  target: number;
  /** The lowest attainment of the SLOs that measure it over the month; null without data. */
  attainment: number | null;
  met: boolean | null;
  creditPercent: number;
  creditTiers: CreditTier[];
  /** Share of the monthly error budget used by its most-spent SLO (1 = all of it). */
  budgetUsed: number | null;
  previousAttainment: number | null;
  /** Attainment now minus the previous month's, in percentage points. */
  changePoints: number | null;
  rag: Rag;
  sloSlugs: string[];
}

export interface SloReportRow {
  sloId: string;
  slug: string;
  name: string;
  serviceName: string;
  target: number;
  budgetingMethod: string;
  attainment: number | null;
  budgetRemaining: number | null;
  budgetTotal: number;
  budgetConsumed: number;
  unit: 'events' | 'minutes';
  status: string;
  correctedMinutes: number;
  /** Budget remaining at the end of each day of the month so far (the burndown thumbnail). */
  burndown: Array<number | null>;
}

export interface IncidentMonthStats {
  month: string;
  count: number;
  mttaMinutes: number | null;
  mttrMinutes: number | null;
}

export interface IncidentSection {
  available: boolean;
  total: number;
  bySeverity: Record<string, number>;
  byService: Array<{ service: string; count: number }>;
  /** This month first, then the six before it. */
  trend: IncidentMonthStats[];
  notable: Array<{ id: string; title: string; severity: string; status: string }>;
}

export interface FollowUpSection {
  available: boolean;
  postmortemsDue: number;
  postmortemsPublished: number;
  actionItemsTotal: number;
  actionItemsDone: number;
  actionItemsOverdue: number;
  overdue: Array<{
    id: string;
    title: string;
    owner: string | null;
    dueDate: string | null;
    priority: string;
  }>;
}

export interface ToilTeamRow {
  team: string;
  toilShare: number | null;
  overCap: boolean;
}

export interface CapacityRow {
  resource: string;
  service: string;
  daysToExhaustion: number | null;
  orderBy: string | null;
}

export interface CorrectionRow {
  slo: string;
  start: string;
  end: string;
  minutes: number;
  reason: string;
}

export interface Restatement {
  at: string;
  changes: string[];
}

export interface MonthlyReport {
  month: string;
  label: string;
  timezone: string;
  start: string;
  end: string;
  /** False while the month is still running: its numbers are "so far". */
  closed: boolean;
  generatedAt: string;
  restatements: Restatement[];
  summary: string;
  decisions: string[];
  rag: Rag;
  slas: SlaReportRow[];
  slos: SloReportRow[];
  incidents: IncidentSection;
  followUps: FollowUpSection;
  toil: { cap: number; teams: ToilTeamRow[] };
  capacity: { available: boolean; resources: CapacityRow[] };
  corrections: CorrectionRow[];
}
