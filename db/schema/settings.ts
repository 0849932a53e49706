import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Admin-editable settings (error-budget policy, toil cap, ...) as JSON per key. */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
