import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { queryRows } from '@/db/platform/sql';

/**
 * The runbook answering an alert, by alert name. The runbooks module is built in parallel;
 * until its table exists the incident keeps the alert name and the annotation's URL.
 */
export async function runbookUrlForAlert(db: Executor, alertName: string): Promise<string | null> {
  const [exists] = await queryRows<{ t: string | null }>(
    db,
    sql`select to_regclass('public.runbooks')::text as t`,
  );
  if (!exists?.t) return null;
  return `/runbooks/by-alert/${encodeURIComponent(alertName)}`;
}
