import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { Table, TBody, Td, THead, Th, Tr } from '@/components/ui/table';
import { getDb } from '@/db';
import { getPolicy } from '@/db/platform/settings';
import { deliveryStatus, getNotificationSettings } from '@/db/slo/notifications';
import { requirePageUser } from '@/server/guard';
import { AlertSettingsForm } from './client';

export const metadata = { title: 'Alerts and notifications' };

const fmt = (d: Date | null) => (d ? `${d.toISOString().replace('T', ' ').slice(0, 19)} UTC` : '—');

export default async function AlertSettingsPage() {
  await requirePageUser('admin');
  const db = await getDb();
  const [settings, policy, status] = await Promise.all([
    getNotificationSettings(db),
    getPolicy(db),
    deliveryStatus(db),
  ]);
  const channels = [
    {
      channel: 'alertmanager',
      configured: Boolean(settings.alertmanagerUrl),
      target: settings.alertmanagerUrl,
    },
    { channel: 'webhook', configured: Boolean(settings.webhookUrl), target: settings.webhookUrl },
  ] as const;
  return (
    <>
      <PageHeader
        title="Alerts and notifications"
        description="The portal evaluates the burn-rate alerts of push SLOs (and of Prometheus SLOs whose rules are not deployed) once per deployment, records every state change, and sends them where your routing already lives."
        crumbs={[{ label: 'Settings', href: '/settings' }, { label: 'Alerts' }]}
      />
      <div className="grid grid-cols-1 gap-6">
        <Card>
          <CardContent className="pt-5">
            <AlertSettingsForm
              initial={{
                fastBurnFreeze: policy.fastBurnFreeze,
                alertmanagerUrl: settings.alertmanagerUrl ?? '',
                hasAlertmanagerAuth: Boolean(settings.alertmanagerAuthorization),
                webhookUrl: settings.webhookUrl ?? '',
                hasWebhookSecret: Boolean(settings.webhookSecret),
                skipPrometheusSlos: settings.skipPrometheusSlos,
              }}
            />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Delivery</CardTitle>
            <CardDescription>
              Firing alerts are re-sent to Alertmanager every minute; a failed delivery is retried after 30 s,
              then 1, 2, 4 … up to 15 minutes.
            </CardDescription>
          </CardHeader>
          <CardContent className="overflow-x-auto">
            <Table data-testid="delivery-status">
              <THead>
                <tr>
                  <Th>Channel</Th>
                  <Th>State</Th>
                  <Th>Last success</Th>
                  <Th>Last attempt</Th>
                  <Th>Next retry</Th>
                  <Th>Last error</Th>
                </tr>
              </THead>
              <TBody>
                {channels.map(({ channel, configured }) => {
                  const s = status.find((x) => x.channel === channel);
                  const failing = (s?.failures ?? 0) > 0;
                  return (
                    <Tr key={channel}>
                      <Td className="font-medium">
                        {channel === 'alertmanager' ? 'Alertmanager' : 'Webhook'}
                      </Td>
                      <Td>
                        {!configured ? (
                          <Badge>not configured</Badge>
                        ) : failing ? (
                          <Badge variant="depleted">failing ({s?.failures}×)</Badge>
                        ) : s?.lastSuccessAt ? (
                          <Badge variant="healthy">delivering</Badge>
                        ) : (
                          <Badge>nothing sent yet</Badge>
                        )}
                      </Td>
                      <Td className="tabular-nums">{fmt(s?.lastSuccessAt ?? null)}</Td>
                      <Td className="tabular-nums">{fmt(s?.lastAttemptAt ?? null)}</Td>
                      <Td className="tabular-nums">{failing ? fmt(s?.nextAttemptAt ?? null) : '—'}</Td>
                      <Td className="max-w-72 break-words text-muted-foreground">{s?.lastError ?? '—'}</Td>
                    </Tr>
                  );
                })}
              </TBody>
            </Table>
          </CardContent>
        </Card>
      </div>
    </>
  );
}
