import { z } from 'zod';

const optionalUrl = z.preprocess(
  (v) => (v === '' || v === undefined ? null : v),
  z
    .string()
    .trim()
    .url('A full URL, e.g. http://alertmanager:9093')
    .refine((u) => /^https?:\/\//.test(u), 'http:// or https://')
    .nullable(),
);
const optionalText = z.preprocess(
  (v) => (v === '' || v === undefined ? null : v),
  z.string().trim().max(2000).nullable(),
);

/** Where the alerts the portal evaluates itself are delivered (SPEC 1.2); admins edit it in Settings. */
export const notificationSettingsInput = z
  .object({
    /** Alertmanager base URL; alerts go to {url}/api/v2/alerts. */
    alertmanagerUrl: optionalUrl,
    /** Sent as the Authorization header, e.g. "Bearer …" or "Basic …". */
    alertmanagerAuthorization: optionalText,
    webhookUrl: optionalUrl,
    /** HMAC-SHA256 key for the X-SRE-Portal-Signature header. */
    webhookSecret: optionalText,
    /** Prometheus SLOs whose generated rules are deployed alert from Prometheus: don't send them twice. */
    skipPrometheusSlos: z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean()),
    /** Fast-burn freeze of the deploy gate (SPEC 1.2). */
    fastBurnFreeze: z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean()).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.webhookUrl && !(v.webhookSecret && v.webhookSecret.length >= 16)) {
      ctx.addIssue({
        code: 'custom',
        path: ['webhookSecret'],
        message: 'A signing secret of at least 16 characters, so the receiver can verify the sender',
      });
    }
  });

export type NotificationSettings = Omit<z.infer<typeof notificationSettingsInput>, 'fastBurnFreeze'>;

export const EMPTY_NOTIFICATION_SETTINGS: NotificationSettings = {
  alertmanagerUrl: null,
  alertmanagerAuthorization: null,
  webhookUrl: null,
  webhookSecret: null,
  skipPrometheusSlos: false,
};

// The form's checkbox marker lives apart so the settings form does not ship zod to the browser.
export { ALERT_SETTINGS_CHECKBOXES } from './alert-settings-form';
