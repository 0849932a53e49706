// The instant a Prometheus-sourced SLO is evaluated at: its last synced minute, not the wall
// clock, so the "5m" burn reads five minutes of data rather than the three or four that have
// been synced, and alerts change when Prometheus's own evaluation of the rules does.
import { inArray } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { sloSyncState } from '@/db/schema';

const MIN = 60_000;

/**
 * For each Prometheus-sourced row, the `now` at which its windows end where its data ends
 * (`synced_until`, exclusive): one minute before it, since a window ends after the minute of `now`.
 * Push SLOs, and Prometheus ones never synced, are evaluated at `now`.
 */
export async function evaluationInstants(
  db: Executor,
  rows: { id: string; sourceType: string }[],
  now: Date,
): Promise<Map<string, Date>> {
  const ids = rows.filter((r) => r.sourceType === 'prometheus').map((r) => r.id);
  const out = new Map<string, Date>();
  if (ids.length === 0) return out;
  const states = await db
    .select({ sloId: sloSyncState.sloId, syncedUntil: sloSyncState.syncedUntil })
    .from(sloSyncState)
    .where(inArray(sloSyncState.sloId, ids));
  for (const s of states) {
    if (!s.syncedUntil) continue;
    const at = s.syncedUntil.getTime() - MIN;
    if (at < now.getTime()) out.set(s.sloId, new Date(at));
  }
  return out;
}
