import { createHmac } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { DB, Executor } from '@/db/client';
import { getSetting } from '@/db/platform/settings';
import {
  alertDeliveryStatus,
  alertNotifications,
  type NotificationChannel,
  sloAlertStates,
} from '@/db/schema';
import { alertAnnotations, alertLabels, alertName } from '@/lib/prometheus/rules';
import { alertWindows, nominalWindowDays } from '@/lib/slo/alerts';
import { type PostableAlert, postableAlert, RESEND_MS, retryDelayMs, webhookBody } from '@/lib/slo/notify';
import { EMPTY_NOTIFICATION_SETTINGS, type NotificationSettings } from '@/lib/validation/notifications';
import { windowOf } from '@/lib/validation/slo';
import { listSloRows } from './slos';

export const NOTIFICATIONS_KEY = 'alerts.notifications';

export async function getNotificationSettings(db: Executor): Promise<NotificationSettings> {
  return { ...EMPTY_NOTIFICATION_SETTINGS, ...(await getSetting(db, NOTIFICATIONS_KEY, {})) };
}

export async function deliveryStatus(db: Executor) {
  return db.select().from(alertDeliveryStatus);
}

type Outgoing = { sloId: string; tier: number; state: 'firing' | 'resolved'; alert: PostableAlert };

async function post(url: string, body: string, headers: Record<string, string>): Promise<void> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
    signal: AbortSignal.timeout(10_000),
  });
  if (!res.ok) {
    const text = (await res.text().catch(() => '')).slice(0, 200);
    throw new Error(`${url} answered ${res.status}${text ? `: ${text}` : ''}`);
  }
}

/** X-SRE-Portal-Signature: sha256=HMAC(secret, "<timestamp>.<body>"); receivers recompute and compare. */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

async function recordAttempt(db: DB, channel: NotificationChannel, now: Date, error: string | null) {
  const [prev] = await db
    .select()
    .from(alertDeliveryStatus)
    .where(sql`${alertDeliveryStatus.channel} = ${channel}`);
  const failures = error ? (prev?.failures ?? 0) + 1 : 0;
  const row = {
    channel,
    lastAttemptAt: now,
    lastSuccessAt: error ? (prev?.lastSuccessAt ?? null) : now,
    failures,
    nextAttemptAt: error ? new Date(now.getTime() + retryDelayMs(failures)) : null,
    lastError: error,
  };
  await db
    .insert(alertDeliveryStatus)
    .values(row)
    .onConflictDoUpdate({ target: alertDeliveryStatus.channel, set: row });
}

/**
 * Sends the alerts the portal evaluates itself (SPEC 1.2) to Alertmanager's API
 * v2 — every firing alert re-sent each minute with endsAt ahead, a resolved one
 * once with endsAt = now — and each state change to the signed webhook. A failed
 * channel is retried with backoff; its status is shown in Settings.
 */
export async function deliverNotifications(db: DB, baseUrl: string, now = new Date()) {
  const settings = await getNotificationSettings(db);
  const channels: NotificationChannel[] = [];
  if (settings.alertmanagerUrl) channels.push('alertmanager');
  if (settings.webhookUrl && settings.webhookSecret) channels.push('webhook');
  if (channels.length === 0) return { sent: 0 };

  const rows = (await listSloRows(db)).filter(
    (r) => !(settings.skipPrometheusSlos && r.sourceType === 'prometheus'),
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const states = (await db.select().from(sloAlertStates)).filter((s) => byId.has(s.sloId));
  const sent = new Map(
    (await db.select().from(alertNotifications)).map((n) => [`${n.sloId}|${n.tier}|${n.channel}`, n]),
  );
  const status = new Map((await deliveryStatus(db)).map((s) => [s.channel, s]));
  let count = 0;

  for (const channel of channels) {
    const health = status.get(channel);
    if (health?.nextAttemptAt && health.nextAttemptAt > now) continue; // backing off
    const outgoing: Outgoing[] = [];
    for (const s of states) {
      const slo = byId.get(s.sloId);
      if (!slo) continue;
      const last = sent.get(`${s.sloId}|${s.tier}|${channel}`);
      const firing = s.state === 'firing';
      const due = firing
        ? last?.state !== 'firing' ||
          (channel === 'alertmanager' && now.getTime() - last.sentAt.getTime() >= RESEND_MS)
        : last?.state === 'firing';
      if (!due) continue;
      const window = windowOf(slo);
      const tier = alertWindows(nominalWindowDays(window)).find((t) => t.tier === s.tier);
      if (!tier) continue;
      const portalUrl = `${baseUrl.replace(/\/$/, '')}/slos/${slo.slug}`;
      const ruleSlo = {
        slug: slo.slug,
        serviceSlug: slo.serviceSlug,
        name: slo.name,
        target: slo.target,
        window,
        runbookUrl: slo.runbookUrl,
        portalUrl,
      };
      outgoing.push({
        sloId: s.sloId,
        tier: s.tier,
        state: firing ? 'firing' : 'resolved',
        alert: postableAlert({
          alertname: alertName(tier),
          labels: alertLabels(ruleSlo, tier),
          annotations: alertAnnotations(
            ruleSlo,
            tier,
            slo.alertMinEvents ? { minEvents: slo.alertMinEvents } : undefined,
          ),
          // Alertmanager matches a resolve to its alert by labels; startsAt only has to precede endsAt.
          startsAt: s.since,
          firing,
          now,
          generatorURL: portalUrl,
        }),
      });
    }
    if (outgoing.length === 0) continue;
    try {
      if (channel === 'alertmanager') {
        const url = `${(settings.alertmanagerUrl as string).replace(/\/$/, '')}/api/v2/alerts`;
        const auth = settings.alertmanagerAuthorization;
        await post(url, JSON.stringify(outgoing.map((o) => o.alert)), auth ? { authorization: auth } : {});
      } else {
        const body = webhookBody(
          outgoing.map((o) => ({ ...o.alert, status: o.state })),
          now,
        );
        const timestamp = String(Math.floor(now.getTime() / 1000));
        await post(settings.webhookUrl as string, body, {
          'x-sre-portal-timestamp': timestamp,
          'x-sre-portal-signature': signWebhook(settings.webhookSecret as string, timestamp, body),
        });
      }
      for (const o of outgoing) {
        const row = { sloId: o.sloId, tier: o.tier, channel, state: o.state, sentAt: now };
        await db
          .insert(alertNotifications)
          .values(row)
          .onConflictDoUpdate({
            target: [alertNotifications.sloId, alertNotifications.tier, alertNotifications.channel],
            set: { state: row.state, sentAt: row.sentAt },
          });
      }
      await recordAttempt(db, channel, now, null);
      count += outgoing.length;
    } catch (err) {
      await recordAttempt(db, channel, now, (err as Error).message ?? String(err));
    }
  }
  return { sent: count };
}
