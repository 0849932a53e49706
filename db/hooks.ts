import type { MutationHook } from '@/db/platform/mutation';
import { sloSnapshotHook } from '@/db/slo/snapshot-invalidation';

/**
 * What other domains do when an entity changes, run by `mutate()` for every recorded change.
 * A new module that caches derived numbers adds its hook here instead of asking every writer to call it.
 */
export const mutationHooks: readonly MutationHook[] = [sloSnapshotHook];
