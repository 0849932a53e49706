// The report's sections that read other modules (incidents, postmortems and action items,
// capacity). Each asks that module for its own numbers, so the report never recomputes them.

import type { Executor } from '@/db/client';
import type { ReportMonth } from '@/lib/reports/month';
import type { CapacityRow, FollowUpSection, IncidentSection } from '@/lib/reports/types';
import type { TimeRange } from '@/lib/slo/windows';

export async function loadIncidentSection(
  _db: Executor,
  _month: ReportMonth,
  _rangeOf: (m: ReportMonth) => TimeRange,
): Promise<IncidentSection> {
  return { available: false, total: 0, bySeverity: {}, byService: [], trend: [], notable: [] };
}

export async function loadFollowUpSection(
  _db: Executor,
  _range: TimeRange,
  _now: Date,
): Promise<FollowUpSection> {
  return {
    available: false,
    postmortemsDue: 0,
    postmortemsPublished: 0,
    actionItemsTotal: 0,
    actionItemsDone: 0,
    actionItemsOverdue: 0,
    overdue: [],
  };
}

export async function loadCapacitySection(
  _db: Executor,
  _now: Date,
): Promise<{ available: boolean; resources: CapacityRow[] }> {
  return { available: false, resources: [] };
}
