import { incidentFromAlert } from '@/db/incidents/alert-hook';
import type { MutationHook } from '@/db/platform/mutation';
import type { AlertTransitionHook } from '@/db/slo/alert-history';
import { sloSnapshotHook } from '@/db/slo/snapshot-invalidation';

/**
 * What other domains do when an entity changes, run by `mutate()` for every recorded change.
 * A new module that caches derived numbers adds its hook here instead of asking every writer to call it.
 */
export const mutationHooks: readonly MutationHook[] = [sloSnapshotHook];

/**
 * Run once per deployment, after commit, for every recorded alert state change
 * (firing / resolved / suppressed) of every tier. Filter on `t.severity === 'page'`
 * and `t.to === 'firing'` (or `t.from === 'firing'`) to react to a page starting or stopping.
 */
export const alertTransitionHooks: readonly AlertTransitionHook[] = [incidentFromAlert];
