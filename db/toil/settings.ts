import type { Executor } from '@/db/client';
import { parseOrThrow } from '@/db/platform/parse';
import { getSetting, putSetting } from '@/db/platform/settings';
import type { Actor } from '@/lib/audit';
import {
  DEFAULT_TOIL_SETTINGS,
  type ToilSettings,
  toilSettingsInput,
  toilSettingsStored,
} from '@/lib/validation/toil';

export const TOIL_SETTINGS_KEY = 'toil.settings';

/** The toil cap and default automation estimate; a bad stored value falls back to the defaults. */
export async function getToilSettings(db: Executor): Promise<ToilSettings> {
  const stored = await getSetting<unknown>(db, TOIL_SETTINGS_KEY, null);
  const parsed = toilSettingsStored.safeParse(stored);
  return parsed.success ? parsed.data : DEFAULT_TOIL_SETTINGS;
}

/** Admins set the cap in percent (SPEC 1.4: 50% unless configured). */
export async function saveToilSettings(db: Executor, actor: Actor, raw: unknown): Promise<ToilSettings> {
  const input = parseOrThrow(toilSettingsInput, raw);
  const value: ToilSettings = { cap: input.capPercent, defaultEstimateHours: input.defaultEstimateHours };
  await putSetting(db, actor, TOIL_SETTINGS_KEY, value);
  return value;
}
