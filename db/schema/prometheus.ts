import { integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { slos } from './slo';

/** Where the Prometheus sync of an SLO stands: resumes from `syncedUntil` after downtime. */
export const sloSyncState = pgTable('slo_sync_state', {
  sloId: uuid('slo_id')
    .primaryKey()
    .references(() => slos.id, { onDelete: 'cascade' }),
  /** Every minute before this has been pulled (exclusive end of the synced range). */
  syncedUntil: timestamp('synced_until', { withTimezone: true }),
  lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }),
  lastSuccessAt: timestamp('last_success_at', { withTimezone: true }),
  lastError: text('last_error'),
  lastWarning: text('last_warning'),
  failures: integer('failures').notNull().default(0),
  /** Exponential backoff after failures. */
  nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
});

export type SloSyncState = typeof sloSyncState.$inferSelect;
