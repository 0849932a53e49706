import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Automatable } from '../../lib/toil/aggregates';
import { users } from './auth';
import { services, teams } from './catalog';

/** Toil categories (SPEC 1.4): admins rename, reorder and archive them; entries keep theirs. */
export const toilCategories = pgTable('toil_categories', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
  /** Archived categories leave the entry form but stay on old entries and in reports. */
  archived: boolean('archived').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One piece of toil someone did (SPEC 1.4). `date` is a calendar date, not an instant. */
export const toilEntries = pgTable(
  'toil_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    date: date('date', { mode: 'string' }).notNull(),
    task: text('task').notNull(),
    categoryId: uuid('category_id')
      .notNull()
      .references(() => toilCategories.id, { onDelete: 'restrict' }),
    minutes: integer('minutes').notNull(),
    serviceId: uuid('service_id').references(() => services.id, { onDelete: 'set null' }),
    interrupt: boolean('interrupt').notNull().default(false),
    afterHours: boolean('after_hours').notNull().default(false),
    /** How much of the task automation would remove (lib/toil AUTOMATABLE_FRACTION). */
    automatable: text('automatable').$type<Automatable>().notNull().default('none'),
    notes: text('notes'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('toil_entries_team_date').on(t.teamId, t.date),
    index('toil_entries_user_created').on(t.userId, t.createdAt),
    index('toil_entries_date').on(t.date),
    check('toil_entries_minutes', sql`${t.minutes} > 0 and ${t.minutes} <= 1440`),
    check('toil_entries_automatable', sql`${t.automatable} in ('none', 'partial', 'full')`),
  ],
);

/**
 * Estimated hours to automate a task, for the payback ranking. A team's own
 * estimate wins over the global one (team_id null); tasks match by lower(trim(task)).
 */
export const toilAutomationEstimates = pgTable(
  'toil_automation_estimates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'cascade' }),
    taskKey: text('task_key').notNull(),
    hours: doublePrecision('hours').notNull(),
    updatedBy: text('updated_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('toil_automation_estimates_team_task').on(t.teamId, t.taskKey).nullsNotDistinct(),
    check('toil_automation_estimates_hours', sql`${t.hours} > 0`),
  ],
);

export type ToilCategoryRow = typeof toilCategories.$inferSelect;
export type ToilEntry = typeof toilEntries.$inferSelect;
export type ToilAutomationEstimate = typeof toilAutomationEstimates.$inferSelect;
