import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { putSetting } from '@/db/platform/settings';
import { recordAlertTransitions } from '@/db/slo/alert-history';
import { deliverNotifications, deliveryStatus, NOTIFICATIONS_KEY, signWebhook } from '@/db/slo/notifications';
import { ingestSamples } from '@/db/slo/samples';
import { refreshSnapshots } from '@/db/slo/snapshots';
import type { SampleInput } from '@/lib/slo/samples';
import { describeEachDriver } from '../helpers/db';
import { makeSlo, testActor } from '../helpers/fixtures';

const ALERTMANAGER = process.env.ALERTMANAGER_BIN ?? '/usr/bin/prometheus-alertmanager';
const hasAlertmanager = fs.existsSync(ALERTMANAGER);
const MIN = 60_000;
const SECRET = 'a-signing-secret-of-some-length';

type Received = { path: string; headers: Record<string, string | string[] | undefined>; body: string };

/** A tiny HTTP server: Alertmanager's webhook receiver and the portal's own webhook. */
function receiver(): Promise<{
  server: Server;
  url: string;
  got: Received[];
  next: (pred: (r: Received) => boolean) => Promise<Received>;
}> {
  const got: Received[] = [];
  const waiters: { pred: (r: Received) => boolean; resolve: (r: Received) => void }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      const r = { path: req.url ?? '', headers: req.headers, body };
      got.push(r);
      for (const w of [...waiters]) {
        if (w.pred(r)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(r);
        }
      }
      res.writeHead(200).end('ok');
    });
  });
  const next = (pred: (r: Received) => boolean) =>
    new Promise<Received>((resolve) => {
      const seen = got.find(pred);
      if (seen) resolve(seen);
      else waiters.push({ pred, resolve });
    });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, got, next }),
    ),
  );
}

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

/** Polls until `fn` returns a value (a wait for a process, not a timed assertion). */
async function until<T>(fn: () => Promise<T | null | undefined>): Promise<T> {
  for (;;) {
    const v = await fn().catch(() => null);
    if (v) return v;
    await new Promise((r) => setTimeout(r, 200));
  }
}

let am: ChildProcess | undefined;
let amUrl = '';
let hook: Awaited<ReturnType<typeof receiver>>;
let dir = '';

beforeAll(async () => {
  if (!hasAlertmanager) return;
  hook = await receiver();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'am-'));
  fs.writeFileSync(
    path.join(dir, 'am.yml'),
    `route:
  receiver: hook
  group_by: ['alertname', 'slo', 'tier']
  group_wait: 1s
  group_interval: 1s
  repeat_interval: 1h
receivers:
  - name: hook
    webhook_configs:
      - url: ${hook.url}/am
        send_resolved: true
`,
  );
  const port = await freePort();
  amUrl = `http://127.0.0.1:${port}`;
  am = spawn(
    ALERTMANAGER,
    [
      `--config.file=${path.join(dir, 'am.yml')}`,
      `--storage.path=${dir}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--cluster.listen-address=',
    ],
    { stdio: 'ignore' },
  );
  await until(async () => (await fetch(`${amUrl}/-/ready`)).ok);
});

afterAll(async () => {
  if (am && am.exitCode === null) {
    const exited = new Promise((r) => am?.once('exit', r));
    am.kill();
    await exited;
  }
  hook?.server.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describeEachDriver('SLO notifications', (ctx) => {
  it.skipIf(!hasAlertmanager)(
    'reach a real Alertmanager and the signed webhook, and resolve there',
    async () => {
      const { db } = ctx();
      const slo = await makeSlo(db, { target: 0.999, runbookUrl: 'https://wiki/runbooks/checkout' });
      await putSetting(db, testActor, NOTIFICATIONS_KEY, {
        alertmanagerUrl: amUrl,
        alertmanagerAuthorization: null,
        webhookUrl: `${hook.url}/portal`,
        webhookSecret: SECRET,
        skipPrometheusSlos: false,
      });
      const now = Date.now();
      const start = Math.floor(now / MIN) * MIN - 30 * MIN;
      const bad: SampleInput[] = [];
      for (let m = start; m <= now; m += MIN) bad.push({ minute: m, good: 950, total: 1000 });
      await db.transaction((tx) => ingestSamples(tx, slo.id, bad));
      const firingAt = new Date();
      await recordAlertTransitions(
        db,
        (await refreshSnapshots(db, undefined, firingAt)).map((s) => s.api),
        firingAt,
      );
      await deliverNotifications(db, 'https://sre.example', firingAt);

      // Alertmanager's own API lists the page with the generated rule's labels and annotations.
      const listed = await until(async () => {
        const alerts = (await (await fetch(`${amUrl}/api/v2/alerts`)).json()) as {
          labels: Record<string, string>;
          annotations: Record<string, string>;
          status: { state: string };
        }[];
        return alerts.find((a) => a.labels.slo === slo.slug && a.labels.tier === '1');
      });
      expect(listed.labels).toMatchObject({
        alertname: 'SLOErrorBudgetBurnPage',
        severity: 'page',
        long_window: '1h',
      });
      expect(listed.annotations.runbook_url).toBe('https://wiki/runbooks/checkout');
      expect(listed.status.state).toBe('active');

      // Its webhook receiver gets it through the route.
      const routed = await hook.next(
        (r) => r.path === '/am' && r.body.includes(slo.slug) && r.body.includes('"firing"'),
      );
      expect(
        JSON.parse(routed.body).alerts.some((a: { labels: { slo: string } }) => a.labels.slo === slo.slug),
      ).toBe(true);

      // The portal's webhook is signed.
      const signed = await hook.next((r) => r.path === '/portal' && r.body.includes(slo.slug));
      const ts = String(signed.headers['x-sre-portal-timestamp']);
      expect(signed.headers['x-sre-portal-signature']).toBe(signWebhook(SECRET, ts, signed.body));
      expect(JSON.parse(signed.body).alerts[0]).toMatchObject({ status: 'firing' });

      // Clean traffic: the alerts resolve in the portal, then in Alertmanager, whose receiver hears it.
      await db.transaction((tx) =>
        ingestSamples(
          tx,
          slo.id,
          bad.map((s) => ({ ...s, good: 1000 })),
        ),
      );
      const resolvedAt = new Date();
      const changes = await recordAlertTransitions(
        db,
        (await refreshSnapshots(db, undefined, resolvedAt)).map((s) => s.api),
        resolvedAt,
      );
      expect(changes.every((c) => c.to === 'resolved')).toBe(true);
      await deliverNotifications(db, 'https://sre.example', resolvedAt);
      const resolved = await hook.next(
        (r) => r.path === '/am' && r.body.includes(slo.slug) && JSON.parse(r.body).status === 'resolved',
      );
      expect(JSON.parse(resolved.body).alerts[0].endsAt).not.toBe('0001-01-01T00:00:00Z');
      await until(async () => {
        const alerts = (await (await fetch(`${amUrl}/api/v2/alerts?active=true`)).json()) as {
          labels: Record<string, string>;
        }[];
        return !alerts.some((a) => a.labels.slo === slo.slug);
      });
      const status = await deliveryStatus(db);
      expect(status.find((s) => s.channel === 'alertmanager')).toMatchObject({
        failures: 0,
        lastError: null,
      });
    },
  );

  it('retries a failing channel with backoff and shows the error', async () => {
    const { db } = ctx();
    const port = await freePort();
    await putSetting(db, testActor, NOTIFICATIONS_KEY, {
      alertmanagerUrl: `http://127.0.0.1:${port}`,
      alertmanagerAuthorization: 'Bearer x',
      webhookUrl: null,
      webhookSecret: null,
      skipPrometheusSlos: false,
    });
    const slo = await makeSlo(db, { target: 0.999 });
    const now = Date.now();
    const samples: SampleInput[] = [];
    for (let m = Math.floor(now / MIN) * MIN - 20 * MIN; m <= now; m += MIN)
      samples.push({ minute: m, good: 900, total: 1000 });
    await db.transaction((tx) => ingestSamples(tx, slo.id, samples));
    const at = new Date();
    await recordAlertTransitions(
      db,
      (await refreshSnapshots(db, undefined, at)).map((s) => s.api),
      at,
    );
    await deliverNotifications(db, 'https://sre.example', at);
    let [s] = (await deliveryStatus(db)).filter((x) => x.channel === 'alertmanager');
    expect(s.failures).toBe(1);
    expect(s.lastError).toBeTruthy();
    expect(s.nextAttemptAt?.getTime()).toBe(at.getTime() + 30_000);
    // Within the backoff nothing is attempted; after it, the second failure doubles the delay.
    await deliverNotifications(db, 'https://sre.example', new Date(at.getTime() + 10_000));
    [s] = (await deliveryStatus(db)).filter((x) => x.channel === 'alertmanager');
    expect(s.failures).toBe(1);
    const later = new Date(at.getTime() + 31_000);
    await deliverNotifications(db, 'https://sre.example', later);
    [s] = (await deliveryStatus(db)).filter((x) => x.channel === 'alertmanager');
    expect(s.failures).toBe(2);
    expect(s.nextAttemptAt?.getTime()).toBe(later.getTime() + 60_000);
  });
});
