import type { DB } from '@/db/client';
import { recordAlertTransitions } from '@/db/slo/alert-history';
import { refreshSnapshots } from '@/db/slo/snapshots';

/**
 * The demo's alert history starts with the alerts firing right after seeding
 * (the background evaluation records every later change). Idempotent: a state
 * already recorded is not recorded again.
 */
export async function seedAlerts(db: DB): Promise<void> {
  const now = new Date();
  const snapshots = await refreshSnapshots(db, undefined, now);
  await recordAlertTransitions(
    db,
    snapshots.map((s) => s.api),
    now,
  );
}
