// Incident, postmortem and action-item vocabulary (SPEC 1.3), shared by schema, services and UI.

export const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'] as const;
export type IncidentSeverity = (typeof SEVERITIES)[number];

export const INCIDENT_STATUSES = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export type IncidentSource = 'manual' | 'alertmanager' | 'slo-alert';

export const TIMELINE_KINDS = ['note', 'status', 'milestone', 'alert', 'action'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export const MILESTONES = ['started', 'detected', 'acknowledged', 'mitigated', 'resolved'] as const;
export type Milestone = (typeof MILESTONES)[number];

/** Per service: what a firing page alert of one of its SLOs does. */
export const INCIDENT_MODES = ['off', 'suggest', 'open'] as const;
export type IncidentMode = (typeof INCIDENT_MODES)[number];

export const POSTMORTEM_STATUSES = ['draft', 'in_review', 'published'] as const;
export type PostmortemStatus = (typeof POSTMORTEM_STATUSES)[number];

/** The postmortem's sections in the order they are written and exported. */
export const SECTION_KEYS = [
  'summary',
  'impact',
  'rootCauses',
  'fiveWhys',
  'detection',
  'response',
  'wentWell',
  'wentWrong',
  'lucky',
  'timeline',
  'links',
] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];
export type PostmortemSections = Record<SectionKey, string>;

export const SECTION_TITLES: Record<SectionKey, string> = {
  summary: 'Summary',
  impact: 'Impact',
  rootCauses: 'Root causes and trigger',
  fiveWhys: '5 whys',
  detection: 'Detection',
  response: 'Response and resolution',
  wentWell: 'What went well',
  wentWrong: 'What went wrong',
  lucky: 'Where we got lucky',
  timeline: 'Timeline',
  links: 'Links',
};

export const CHECKLIST_KEYS = [
  'dataCollected',
  'impactComplete',
  'rootCauseDeep',
  'actionItemsAppropriate',
  'shared',
] as const;
export type ChecklistKey = (typeof CHECKLIST_KEYS)[number];
export type ReviewChecklist = Record<ChecklistKey, boolean>;
export const CHECKLIST_LABELS: Record<ChecklistKey, string> = {
  dataCollected: 'Data collected',
  impactComplete: 'Impact complete',
  rootCauseDeep: 'Root cause deep enough',
  actionItemsAppropriate: 'Action items appropriate',
  shared: 'Shared with the affected teams',
};

export const ACTION_ITEM_TYPES = ['detect', 'mitigate', 'prevent', 'process'] as const;
export type ActionItemType = (typeof ACTION_ITEM_TYPES)[number];
export const ACTION_ITEM_PRIORITIES = ['P0', 'P1', 'P2', 'P3'] as const;
export type ActionItemPriority = (typeof ACTION_ITEM_PRIORITIES)[number];
export const ACTION_ITEM_STATUSES = ['open', 'in_progress', 'done', 'wont_do'] as const;
export type ActionItemStatus = (typeof ACTION_ITEM_STATUSES)[number];

export function emptySections(): PostmortemSections {
  return Object.fromEntries(SECTION_KEYS.map((k) => [k, ''])) as PostmortemSections;
}
