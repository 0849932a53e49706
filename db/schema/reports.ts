import {
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { CreditTier } from '@/lib/reports/credits';
import type { MonthlyReport, Restatement } from '@/lib/reports/types';
import { services } from './catalog';
import { slos } from './slo';

/** A contract for a service (SPEC 1.7): measured by its SLOs over each calendar month. */
export const slas = pgTable(
  'slas',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** Fraction, e.g. 0.995. */
    target: doublePrecision('target').notNull(),
    /** Customer-facing wording of the commitment. */
    description: text('description').notNull().default(''),
    creditTiers: jsonb('credit_tiers').$type<CreditTier[]>().notNull().default([]),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('slas_service').on(t.serviceId)],
);

export const slaSlos = pgTable(
  'sla_slos',
  {
    slaId: uuid('sla_id')
      .notNull()
      .references(() => slas.id, { onDelete: 'cascade' }),
    sloId: uuid('slo_id')
      .notNull()
      .references(() => slos.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.slaId, t.sloId] })],
);

/**
 * The report of a closed month as first generated after the month ended: history is not
 * rewritten silently — a later recomputation that differs is stored with a restatement note.
 */
export const reportSnapshots = pgTable('report_snapshots', {
  month: text('month').primaryKey(),
  report: jsonb('report').$type<MonthlyReport>().notNull(),
  restatements: jsonb('restatements').$type<Restatement[]>().notNull().default([]),
  generatedAt: timestamp('generated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export type Sla = typeof slas.$inferSelect;
