'use server';

import { revalidatePath } from 'next/cache';
import { parseOrThrow } from '@/db/platform/parse';
import { getPolicy, putSetting, savePolicy } from '@/db/platform/settings';
import { getNotificationSettings, NOTIFICATIONS_KEY } from '@/db/slo/notifications';
import { ValidationError } from '@/lib/errors';
import { ALERT_SETTINGS_CHECKBOXES, notificationSettingsInput } from '@/lib/validation/notifications';
import { formObject, guardedAction } from '@/server/actions';

export const saveAlertSettingsAction = guardedAction('admin', async (ctx, form) => {
  const values = formObject(form);
  if (values.checkboxes !== ALERT_SETTINGS_CHECKBOXES)
    throw new ValidationError('This form is incomplete: reload the page and save again', {
      fastBurnFreeze: ['Missing from the form'],
    });
  const current = await getNotificationSettings(ctx.db);
  // Empty secret fields keep the stored secrets (they are never sent back to the browser).
  const input = parseOrThrow(notificationSettingsInput, {
    ...values,
    alertmanagerAuthorization:
      values.alertmanagerAuthorization || (values.alertmanagerUrl ? current.alertmanagerAuthorization : ''),
    webhookSecret: values.webhookSecret || (values.webhookUrl ? current.webhookSecret : ''),
  });
  const { fastBurnFreeze, ...notifications } = input;
  await putSetting(ctx.db, ctx.actor, NOTIFICATIONS_KEY, notifications);
  const policy = await getPolicy(ctx.db);
  if (policy.fastBurnFreeze !== Boolean(fastBurnFreeze)) {
    await savePolicy(ctx.db, ctx.actor, { ...policy, fastBurnFreeze: Boolean(fastBurnFreeze) });
  }
  revalidatePath('/settings/alerts');
  return { message: 'Alert settings saved: the next evaluation (within a minute) uses them' };
});
