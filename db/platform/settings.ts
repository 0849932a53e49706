import { eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { settings } from '@/db/schema';
import type { Actor } from '@/lib/audit';
import { ValidationError } from '@/lib/errors';
import { DEFAULT_POLICY, type Policy, parsePolicy } from '@/lib/slo/policy';
import { mutate } from './mutation';
import { preparedPerHandle } from './prepared';

const settingByKey = preparedPerHandle((db) =>
  db
    .select({ value: settings.value })
    .from(settings)
    .where(eq(settings.key, sql.placeholder('key')))
    .prepare('setting_by_key'),
);

export async function getSetting<T>(db: Executor, key: string, fallback: T): Promise<T> {
  const [row] = await settingByKey(db).execute({ key });
  return row ? (row.value as T) : fallback;
}

/** Stores a setting; the SLO snapshot hook drops every snapshot when an `slo.*` setting (the policy) changes. */
export async function putSetting(db: Executor, actor: Actor, key: string, value: unknown): Promise<void> {
  await mutate(db, actor, async ({ tx }) => {
    const [before] = await tx.select().from(settings).where(eq(settings.key, key));
    await tx
      .insert(settings)
      .values({ key, value })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: new Date() } });
    return {
      result: undefined,
      change: {
        action: 'settings.update',
        entityType: 'settings',
        entityId: key,
        before: before?.value,
        after: value,
      },
    };
  });
}

export const POLICY_KEY = 'slo.policy';

export async function getPolicy(db: Executor): Promise<Policy> {
  const stored = await getSetting<unknown>(db, POLICY_KEY, null);
  if (!stored) return DEFAULT_POLICY;
  const parsed = parsePolicy(stored);
  return parsed.ok ? parsed.policy : DEFAULT_POLICY;
}

export async function savePolicy(db: Executor, actor: Actor, raw: unknown): Promise<Policy> {
  const parsed = parsePolicy(raw);
  if (!parsed.ok) {
    const fieldErrors: Record<string, string[]> = {};
    for (const e of parsed.errors) fieldErrors[e.field] = [...(fieldErrors[e.field] ?? []), e.message];
    throw new ValidationError('Invalid policy', fieldErrors);
  }
  await putSetting(db, actor, POLICY_KEY, parsed.policy);
  return parsed.policy;
}
