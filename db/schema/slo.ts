import {
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { BudgetingMethod, CalendarUnit, SliKind } from '../../lib/slo/definition';
import type { ChangeKind, SloStatus } from '../../lib/slo/policy';
import type { SourceType, WindowType } from '../../lib/validation/slo';
import { users } from './auth';
import { services } from './catalog';

export const slos = pgTable(
  'slos',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull().unique(),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    sliKind: text('sli_kind').$type<SliKind>().notNull(),
    latencyThresholdMs: doublePrecision('latency_threshold_ms'),
    /** An exact decimal (0.999, never 0.9990000000000001); read as a number. */
    target: numeric('target', { mode: 'number' }).notNull(),
    windowType: text('window_type').$type<WindowType>().notNull(),
    windowDays: integer('window_days'),
    /** Calendar windows only. */
    calendarUnit: text('calendar_unit').$type<CalendarUnit>(),
    timezone: text('timezone').notNull().default('UTC'),
    budgetingMethod: text('budgeting_method').$type<BudgetingMethod>().notNull(),
    /** Timeslices: a minute is good when good/total ≥ this. Also drives bad_minutes in the rollups. */
    timesliceTarget: doublePrecision('timeslice_target'),
    sourceType: text('source_type').$type<SourceType>().notNull().default('push'),
    /** Source settings (Prometheus queries, ...) — shape depends on source_type. */
    sourceConfig: jsonb('source_config').notNull().default({}),
    alertMinEvents: integer('alert_min_events'),
    runbookUrl: text('runbook_url'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('slos_service').on(t.serviceId)],
);

/** Per-minute SLI samples (SPEC 1.2). `minute` is the start of the minute, UTC. */
export const sliSamples = pgTable(
  'sli_samples',
  {
    sloId: uuid('slo_id')
      .notNull()
      .references(() => slos.id, { onDelete: 'cascade' }),
    minute: timestamp('minute', { withTimezone: true }).notNull(),
    good: doublePrecision('good').notNull(),
    total: doublePrecision('total').notNull(),
    // Running sums since the start of this minute's UTC day, up to and including it
    // (maintained on every write): a range is two lookups plus whole days (db/slo/sli-sums.ts).
    cumGood: doublePrecision('cum_good').notNull().default(0),
    cumTotal: doublePrecision('cum_total').notNull().default(0),
    cumMinutes: integer('cum_minutes').notNull().default(0),
    cumBad: integer('cum_bad').notNull().default(0),
    cumRatio: doublePrecision('cum_ratio').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.sloId, t.minute] })],
);

const rollupColumns = {
  sloId: uuid('slo_id')
    .notNull()
    .references(() => slos.id, { onDelete: 'cascade' }),
  good: doublePrecision('good').notNull(),
  total: doublePrecision('total').notNull(),
  /** Minutes with total > 0. */
  minutes: integer('minutes').notNull(),
  /** Minutes with data below the SLO's timeslice target. */
  badMinutes: integer('bad_minutes').notNull(),
  /** Σ good/total over the minutes with data. */
  ratioSum: doublePrecision('ratio_sum').notNull(),
};

/** Hourly rollup, recomputed from the raw minutes of every hour a write touches. */
export const sliHourly = pgTable(
  'sli_hourly',
  { ...rollupColumns, hour: timestamp('hour', { withTimezone: true }).notNull() },
  (t) => [primaryKey({ columns: [t.sloId, t.hour] })],
);

/** Daily (UTC) rollup, recomputed from the hourly rollup. */
export const sliDaily = pgTable(
  'sli_daily',
  { ...rollupColumns, day: timestamp('day', { withTimezone: true }).notNull() },
  (t) => [primaryKey({ columns: [t.sloId, t.day] })],
);

/** Maintenance windows excluded from every computation (SPEC 1.2). */
export const sloCorrections = pgTable(
  'slo_corrections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sloId: uuid('slo_id')
      .notNull()
      .references(() => slos.id, { onDelete: 'cascade' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    reason: text('reason').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdByLabel: text('created_by_label').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('slo_corrections_slo').on(t.sloId, t.startsAt)],
);

/** Every deploy-gate answer: who asked, for what change, and the verdict. */
export const gateDecisions = pgTable(
  'gate_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sloId: uuid('slo_id')
      .notNull()
      .references(() => slos.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    change: text('change').$type<ChangeKind>().notNull(),
    allowed: boolean('allowed').notNull(),
    status: text('status').$type<SloStatus>().notNull(),
    budgetRemaining: doublePrecision('budget_remaining'),
    reason: text('reason').notNull(),
    askedBy: text('asked_by').notNull(),
  },
  (t) => [index('gate_decisions_slo_at').on(t.sloId, t.at)],
);

export type Slo = typeof slos.$inferSelect;
export type SloCorrection = typeof sloCorrections.$inferSelect;

/**
 * The computed numbers of every SLO, refreshed in the background (every ~30 s),
 * after every ingest, correction and edit: the overview and the list API read
 * these instead of recomputing 1,000 SLOs per request. Detail pages, the
 * single-SLO API and the gate always compute live.
 */
export const sloSnapshots = pgTable('slo_snapshots', {
  sloId: uuid('slo_id')
    .primaryKey()
    .references(() => slos.id, { onDelete: 'cascade' }),
  // Null in a tombstone: a write dropped the numbers (invalidateSnapshots) and bumped the generation.
  computedAt: timestamp('computed_at', { withTimezone: true }),
  overview: jsonb('overview'),
  api: jsonb('api'),
  /** Bumped by every write that moves the numbers; a snapshot computed before it is not stored. */
  generation: bigint('generation', { mode: 'number' }).notNull().default(0),
});
