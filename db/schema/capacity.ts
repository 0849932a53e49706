import { sql } from 'drizzle-orm';
import {
  check,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { services } from './catalog';

/** A resource a service runs out of (SPEC 1.5): CPU cores, connections, disk, requests/s … */
export const capacityResources = pgTable(
  'capacity_resources',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    /** What demand is measured in, e.g. "rps", "GiB", "connections". */
    unit: text('unit').notNull(),
    capacityPerInstance: doublePrecision('capacity_per_instance').notNull(),
    instances: integer('instances').notNull(),
    /** Fraction of an instance's capacity we plan to use (0.7 = 70%). */
    targetUtilisation: doublePrecision('target_utilisation').notNull().default(0.7),
    /** The k of N+k: instances kept spare for failures and deploys. */
    redundancy: integer('redundancy').notNull().default(1),
    leadTimeDays: integer('lead_time_days').notNull().default(30),
    /** Optional PromQL whose daily peak is pulled once a day through the Prometheus data source. */
    promQuery: text('prom_query'),
    /** Last sync attempt (a failed one is retried an hour later); the error, if it failed. */
    promSyncedAt: timestamp('prom_synced_at', { withTimezone: true }),
    promSyncError: text('prom_sync_error'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('capacity_resources_service').on(t.serviceId),
    check('capacity_resources_capacity', sql`${t.capacityPerInstance} > 0`),
    check('capacity_resources_instances', sql`${t.instances} >= 0`),
    check('capacity_resources_target', sql`${t.targetUtilisation} > 0 and ${t.targetUtilisation} <= 1`),
    check('capacity_resources_redundancy', sql`${t.redundancy} >= 0`),
    check('capacity_resources_lead_time', sql`${t.leadTimeDays} >= 0`),
  ],
);

/** Peak demand observed at a time; a sample replaces the one stored for the same instant. */
export const capacitySamples = pgTable(
  'capacity_samples',
  {
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => capacityResources.id, { onDelete: 'cascade' }),
    ts: timestamp('ts', { withTimezone: true }).notNull(),
    value: doublePrecision('value').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.resourceId, t.ts] }),
    check('capacity_samples_value', sql`${t.value} >= 0`),
  ],
);

/** A saved what-if: demand × factor (launch ×10), or compounded growth in % per month. */
export const capacityScenarios = pgTable(
  'capacity_scenarios',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => capacityResources.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    kind: text('kind').$type<'multiplier' | 'growth'>().notNull(),
    value: doublePrecision('value').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('capacity_scenarios_resource_name').on(t.resourceId, t.name),
    check('capacity_scenarios_kind', sql`${t.kind} in ('multiplier', 'growth')`),
  ],
);

export type CapacityResource = typeof capacityResources.$inferSelect;
export type CapacityScenario = typeof capacityScenarios.$inferSelect;
