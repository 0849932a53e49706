// Stored rows ↔ drafts, so the service layer can tell created / updated / unchanged and export.
import type { BudgetingMethod, CalendarUnit, SliKind } from '@/lib/slo/definition';
import type { SourceType, WindowType } from '@/lib/validation/slo';
import type { SloDraft } from './types';

/** The columns of an SLO row (with its service slug) that make up its definition. */
export interface SloDefinitionRow {
  slug: string;
  name: string;
  description: string;
  serviceSlug: string;
  sliKind: SliKind;
  latencyThresholdMs: number | null;
  target: number;
  windowType: WindowType;
  windowDays: number | null;
  calendarUnit: CalendarUnit | null;
  timezone: string;
  budgetingMethod: BudgetingMethod;
  timesliceTarget: number | null;
  sourceType: SourceType;
  sourceConfig: unknown;
  alertMinEvents: number | null;
  runbookUrl: string | null;
}

export function draftFromRow(row: SloDefinitionRow): SloDraft {
  const config = (row.sourceConfig ?? {}) as {
    goodQuery?: unknown;
    totalQuery?: unknown;
    badQuery?: unknown;
  };
  const prometheus = row.sourceType === 'prometheus';
  return {
    slug: row.slug,
    name: row.name,
    description: row.description,
    serviceSlug: row.serviceSlug,
    sliKind: row.sliKind,
    latencyThresholdMs: row.latencyThresholdMs,
    target: row.target,
    windowType: row.windowType,
    windowDays: row.windowDays,
    calendarUnit: row.calendarUnit,
    timezone: row.timezone,
    budgetingMethod: row.budgetingMethod,
    timesliceTarget: row.timesliceTarget,
    sourceType: row.sourceType,
    goodQuery: prometheus && typeof config.goodQuery === 'string' ? config.goodQuery : null,
    totalQuery: prometheus && typeof config.totalQuery === 'string' ? config.totalQuery : null,
    badQuery: prometheus && typeof config.badQuery === 'string' ? config.badQuery : null,
    alertMinEvents: row.alertMinEvents,
    runbookUrl: row.runbookUrl,
  };
}

/** True when two drafts define the same SLO (every field of the definition equal). */
export function sameDraft(a: SloDraft, b: SloDraft): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof SloDraft>;
  return [...keys].every((k) => a[k] === b[k]);
}
