import { createService } from '@/db/catalog/services';
import type { DB } from '@/db/client';
import { createSlo } from '@/db/slo/slos';
import type { Actor } from '@/lib/audit';

export const testActor: Actor = { type: 'system', label: 'test' };
let n = 0;

export async function makeService(db: DB) {
  n += 1;
  return createService(db, testActor, {
    slug: `svc-${n}-${Date.now().toString(36)}`,
    name: `Service ${n}`,
    tier: '1',
    ownerTeamId: '',
  });
}

export async function makeSlo(db: DB, overrides: Record<string, unknown> = {}) {
  const service = await makeService(db);
  n += 1;
  return createSlo(db, testActor, {
    serviceId: service.id,
    slug: `slo-${n}-${Date.now().toString(36)}`,
    name: `SLO ${n}`,
    sliKind: 'ratio',
    target: 0.999,
    windowType: 'rolling',
    windowDays: 30,
    budgetingMethod: 'occurrences',
    ...overrides,
  });
}

/** A small deterministic PRNG so property tests are reproducible. */
export function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
