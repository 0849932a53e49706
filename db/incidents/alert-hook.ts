import type { DB } from '@/db/client';
import type { AlertTransition } from '@/db/slo/alert-history';
import { onSloAlertTransition } from './slo-alerts';

const SYSTEM = { type: 'system', label: 'slo-alerts' } as const;

/**
 * SLO → error budget → alert → incident: a page alert the portal evaluates opens (or suggests)
 * an incident per its service's setting, and its end resolves it or suggests resolving it.
 */
export async function incidentFromAlert(db: DB, t: AlertTransition): Promise<void> {
  if (t.severity !== 'page') return;
  const starts = t.to === 'firing';
  const stops = t.from === 'firing' && t.to !== 'firing';
  if (!starts && !stops) return;
  await onSloAlertTransition(db, SYSTEM, {
    sloId: t.sloId,
    tier: t.tier,
    severity: t.severity,
    state: starts ? 'firing' : 'resolved',
    at: t.at,
    burns: { [t.longWindow]: t.longBurn, [t.shortWindow]: t.shortBurn },
  });
}
