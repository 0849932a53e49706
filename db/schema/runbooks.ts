import { type SQL, sql } from 'drizzle-orm';
import {
  check,
  customType,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './auth';
import { services, teams } from './catalog';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * Markdown runbooks (SPEC 1.6). `alert_names` are the Prometheus alert names a runbook
 * answers; the search vector ranks a title match above a body match (weights A and B).
 */
export const runbooks = pgTable(
  'runbooks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull().unique(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    serviceId: uuid('service_id').references(() => services.id, { onDelete: 'set null' }),
    ownerTeamId: uuid('owner_team_id').references(() => teams.id, { onDelete: 'set null' }),
    alertNames: text('alert_names').array().notNull().default([]),
    reviewIntervalDays: integer('review_interval_days').notNull().default(90),
    lastReviewedAt: timestamp('last_reviewed_at', { withTimezone: true }),
    lastReviewedById: uuid('last_reviewed_by_id').references(() => users.id, { onDelete: 'set null' }),
    lastReviewedBy: text('last_reviewed_by'),
    /** Optimistic concurrency: bumped on every content save (each save is a revision). */
    version: integer('version').notNull().default(1),
    updatedBy: text('updated_by').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    searchVector: tsvector('search_vector')
      .notNull()
      .generatedAlwaysAs(
        (): SQL =>
          sql`setweight(to_tsvector('english', coalesce(${runbooks.title}, '')), 'A') || setweight(to_tsvector('english', coalesce(${runbooks.body}, '')), 'B')`,
      ),
  },
  (t) => [
    index('runbooks_search').using('gin', t.searchVector),
    index('runbooks_alert_names').using('gin', t.alertNames),
    index('runbooks_service').on(t.serviceId),
    check('runbooks_review_interval', sql`${t.reviewIntervalDays} between 1 and 3650`),
  ],
);

/** Every save of a runbook, in full: the history the diff and restore work on. */
export const runbookRevisions = pgTable(
  'runbook_revisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    runbookId: uuid('runbook_id')
      .notNull()
      .references(() => runbooks.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    serviceId: uuid('service_id'),
    ownerTeamId: uuid('owner_team_id'),
    alertNames: text('alert_names').array().notNull().default([]),
    reviewIntervalDays: integer('review_interval_days').notNull(),
    /** Why this revision exists beyond an edit, e.g. "Restored version 3" or "Imported". */
    note: text('note').notNull().default(''),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    authorLabel: text('author_label').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('runbook_revisions_version').on(t.runbookId, t.version)],
);

export type Runbook = typeof runbooks.$inferSelect;
export type RunbookRevision = typeof runbookRevisions.$inferSelect;
