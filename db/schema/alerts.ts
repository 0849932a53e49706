import {
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { AlertSeverity, AlertState } from '@/lib/slo/alerts';
import { slos } from './slo';

/**
 * The current state of each SLO's alert tiers, as the background evaluation
 * last saw it. A transition is recorded only by the writer that moves this row
 * (compare-and-set), so two evaluators never record it twice.
 */
export const sloAlertStates = pgTable(
  'slo_alert_states',
  {
    sloId: uuid('slo_id')
      .notNull()
      .references(() => slos.id, { onDelete: 'cascade' }),
    tier: integer('tier').notNull(),
    state: text('state').$type<AlertState>().notNull(),
    since: timestamp('since', { withTimezone: true }).notNull(),
    longBurn: doublePrecision('long_burn'),
    shortBurn: doublePrecision('short_burn'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.sloId, t.tier] })],
);

/** Alert history (SPEC 1.2, 3): every change of an alert's state with its time, windows and burns. */
export const sloAlertEvents = pgTable(
  'slo_alert_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sloId: uuid('slo_id')
      .notNull()
      .references(() => slos.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull(),
    tier: integer('tier').notNull(),
    severity: text('severity').$type<AlertSeverity>().notNull(),
    state: text('state').$type<AlertState>().notNull(),
    previousState: text('previous_state').$type<AlertState>(),
    longWindow: text('long_window').notNull(),
    shortWindow: text('short_window').notNull(),
    factor: doublePrecision('factor').notNull(),
    longBurn: doublePrecision('long_burn'),
    shortBurn: doublePrecision('short_burn'),
  },
  (t) => [index('slo_alert_events_slo_at').on(t.sloId, t.at)],
);

export type NotificationChannel = 'alertmanager' | 'webhook';

/** What each channel last received for an alert tier (re-sends while firing, one resolve). */
export const alertNotifications = pgTable(
  'alert_notifications',
  {
    sloId: uuid('slo_id')
      .notNull()
      .references(() => slos.id, { onDelete: 'cascade' }),
    tier: integer('tier').notNull(),
    channel: text('channel').$type<NotificationChannel>().notNull(),
    state: text('state').$type<AlertState>().notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.sloId, t.tier, t.channel] })],
);

/** Delivery health per channel, shown in Settings: failures are retried with backoff. */
export const alertDeliveryStatus = pgTable('alert_delivery_status', {
  channel: text('channel').$type<NotificationChannel>().primaryKey(),
  lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }),
  lastSuccessAt: timestamp('last_success_at', { withTimezone: true }),
  failures: integer('failures').notNull().default(0),
  nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
  lastError: text('last_error'),
});
