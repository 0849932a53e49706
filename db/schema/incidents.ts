import { type SQL, sql } from 'drizzle-orm';
import {
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type {
  ActionItemPriority,
  ActionItemStatus,
  ActionItemType,
  IncidentMode,
  IncidentSeverity,
  IncidentSource,
  IncidentStatus,
  PostmortemSections,
  PostmortemStatus,
  ReviewChecklist,
  TimelineKind,
} from '../../lib/incidents/types';
import { users } from './auth';
import { services, teams } from './catalog';
import { slos } from './slo';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** An incident (SPEC 1.3): opened from the UI, the Alertmanager webhook or a burning SLO. */
export const incidents = pgTable(
  'incidents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Human number shown as INC-42. */
    number: integer('number').generatedAlwaysAsIdentity().notNull().unique(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    severity: text('severity').$type<IncidentSeverity>().notNull(),
    status: text('status').$type<IncidentStatus>().notNull().default('investigating'),
    source: text('source').$type<IncidentSource>().notNull().default('manual'),
    commanderId: uuid('commander_id').references(() => users.id, { onDelete: 'set null' }),
    commsId: uuid('comms_id').references(() => users.id, { onDelete: 'set null' }),
    scribeId: uuid('scribe_id').references(() => users.id, { onDelete: 'set null' }),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    detectedAt: timestamp('detected_at', { withTimezone: true }),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    mitigatedAt: timestamp('mitigated_at', { withTimezone: true }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    /** Alert name that opened it (Alertmanager or SLO alert): the runbook is found by it. */
    alertName: text('alert_name'),
    runbookUrl: text('runbook_url'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      (): SQL =>
        sql`setweight(to_tsvector('english'::regconfig, coalesce(${incidents.title}, '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce(${incidents.summary}, '')), 'B')`,
    ),
  },
  (t) => [
    index('incidents_started').on(t.startedAt),
    index('incidents_search').using('gin', t.searchVector),
    check('incidents_severity', sql`${t.severity} in ('SEV1', 'SEV2', 'SEV3', 'SEV4')`),
    check('incidents_status', sql`${t.status} in ('investigating', 'identified', 'monitoring', 'resolved')`),
  ],
);

export const incidentServices = pgTable(
  'incident_services',
  {
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.incidentId, t.serviceId] }),
    index('incident_services_service').on(t.serviceId),
  ],
);

export const incidentSlos = pgTable(
  'incident_slos',
  {
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    sloId: uuid('slo_id')
      .notNull()
      .references(() => slos.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.incidentId, t.sloId] }), index('incident_slos_slo').on(t.sloId)],
);

/** What happened when: notes, status changes, milestones and alert deliveries. */
export const incidentTimeline = pgTable(
  'incident_timeline',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull(),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    authorLabel: text('author_label').notNull(),
    kind: text('kind').$type<TimelineKind>().notNull(),
    text: text('text').notNull(),
    /** Set for machine entries (an Alertmanager delivery) so a re-delivery adds nothing. */
    dedupKey: text('dedup_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('incident_timeline_incident').on(t.incidentId, t.at),
    uniqueIndex('incident_timeline_dedup').on(t.incidentId, t.dedupKey),
  ],
);

/** One Alertmanager alert group (its groupKey) maps to one incident. */
export const alertmanagerGroups = pgTable('alertmanager_groups', {
  groupKey: text('group_key').primaryKey(),
  incidentId: uuid('incident_id')
    .notNull()
    .references(() => incidents.id, { onDelete: 'cascade' }),
  lastStatus: text('last_status').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** What a firing page alert of a push SLO does, per service: nothing, suggest an incident, or open one. */
export const serviceIncidentSettings = pgTable('service_incident_settings', {
  serviceId: uuid('service_id')
    .primaryKey()
    .references(() => services.id, { onDelete: 'cascade' }),
  mode: text('mode').$type<IncidentMode>().notNull().default('suggest'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One firing episode of an SLO alert tier and what the portal did about it (deduplication). */
export const sloAlertIncidents = pgTable(
  'slo_alert_incidents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sloId: uuid('slo_id')
      .notNull()
      .references(() => slos.id, { onDelete: 'cascade' }),
    tier: integer('tier').notNull(),
    severity: text('severity').notNull(),
    /** 'suggested' until someone declares or dismisses it; 'opened' when the portal opened the incident. */
    outcome: text('outcome').$type<'suggested' | 'declared' | 'dismissed' | 'opened'>().notNull(),
    incidentId: uuid('incident_id').references(() => incidents.id, { onDelete: 'set null' }),
    firingAt: timestamp('firing_at', { withTimezone: true }).notNull(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    burns: jsonb('burns').notNull().default({}),
  },
  (t) => [
    index('slo_alert_incidents_slo').on(t.sloId, t.firingAt),
    uniqueIndex('slo_alert_incidents_firing').on(t.sloId, t.tier).where(sql`${t.resolvedAt} is null`),
  ],
);

/** The blameless postmortem of an incident (SPEC 1.3). Sections are Markdown. */
export const postmortems = pgTable(
  'postmortems',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    incidentId: uuid('incident_id')
      .notNull()
      .unique()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    status: text('status').$type<PostmortemStatus>().notNull().default('draft'),
    sections: jsonb('sections').$type<PostmortemSections>().notNull(),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    /** Optimistic concurrency: every save names the version it was based on. */
    version: integer('version').notNull().default(1),
    /** Bumped on every submission for review; approvals count for the current round only. */
    reviewRound: integer('review_round').notNull().default(0),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      (): SQL =>
        sql`setweight(to_tsvector('english'::regconfig, coalesce(${postmortems.title}, '')), 'A') || setweight(jsonb_to_tsvector('english'::regconfig, ${postmortems.sections}, '["string"]'::jsonb), 'B')`,
    ),
  },
  (t) => [
    index('postmortems_search').using('gin', t.searchVector),
    check('postmortems_status', sql`${t.status} in ('draft', 'in_review', 'published')`),
  ],
);

/** A reviewer's verdict with the review checklist. */
export const postmortemReviews = pgTable(
  'postmortem_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    postmortemId: uuid('postmortem_id')
      .notNull()
      .references(() => postmortems.id, { onDelete: 'cascade' }),
    reviewerId: uuid('reviewer_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    decision: text('decision').$type<'approved' | 'changes_requested'>().notNull(),
    checklist: jsonb('checklist').$type<ReviewChecklist>().notNull(),
    comment: text('comment').notNull().default(''),
    /** Reviews count for the version submitted; a resubmission starts a new round. */
    round: integer('round').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('postmortem_reviews_once').on(t.postmortemId, t.reviewerId, t.round)],
);

export const actionItems = pgTable(
  'action_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    postmortemId: uuid('postmortem_id')
      .notNull()
      .references(() => postmortems.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    type: text('type').$type<ActionItemType>().notNull(),
    priority: text('priority').$type<ActionItemPriority>().notNull(),
    ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'set null' }),
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'set null' }),
    dueDate: date('due_date', { mode: 'string' }),
    status: text('status').$type<ActionItemStatus>().notNull().default('open'),
    trackerUrl: text('tracker_url'),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('action_items_postmortem').on(t.postmortemId),
    index('action_items_owner').on(t.ownerId, t.status),
    check('action_items_type', sql`${t.type} in ('detect', 'mitigate', 'prevent', 'process')`),
    check('action_items_priority', sql`${t.priority} in ('P0', 'P1', 'P2', 'P3')`),
    check('action_items_status', sql`${t.status} in ('open', 'in_progress', 'done', 'wont_do')`),
  ],
);

export type Incident = typeof incidents.$inferSelect;
export type IncidentTimelineEntry = typeof incidentTimeline.$inferSelect;
export type Postmortem = typeof postmortems.$inferSelect;
export type ActionItem = typeof actionItems.$inferSelect;
