// A real Alertmanager (Debian prometheus-alertmanager) posts its webhook to the portal's
// route handler: alerts sent to Alertmanager's own API become an incident, and their
// resolution resolves it.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  process.env.PGLITE_DATA_DIR = 'memory://alertmanager-real';
  process.env.AUTH_SECRET = 'x'.repeat(40);
  delete process.env.DATABASE_URL;
});

import { POST } from '@/app/api/v1/alertmanager/route';
import { getDbHandle } from '@/db';
import { createService } from '@/db/catalog/services';
import { createToken } from '@/db/identity/tokens';
import { getIncident } from '@/db/incidents/incidents';
import { migrateDb } from '@/db/migrate';
import { alertmanagerGroups } from '@/db/schema';
import { testActor } from '../helpers/fixtures';

const BIN = '/usr/bin/prometheus-alertmanager';
const hasAlertmanager = fs.existsSync(BIN);

let server: http.Server;
let am: ChildProcess | undefined;
let amUrl = '';
let dir = '';
const deliveries: number[] = [];

async function freePort(): Promise<number> {
  const s = http.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

/** Waits for a condition, polling; the overall limit only guards against a hung test. */
async function until<T>(what: string, fn: () => Promise<T | null | undefined>, limitMs = 60_000): Promise<T> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const v = await fn().catch(() => null);
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe.skipIf(!hasAlertmanager)('Alertmanager → portal webhook (real Alertmanager)', () => {
  beforeAll(async () => {
    const handle = await getDbHandle();
    await migrateDb(handle);
    await createService(handle.db, testActor, {
      slug: 'checkout',
      name: 'Checkout',
      tier: '1',
      ownerTeamId: '',
    });
    const { token } = await createToken(handle.db, testActor, {
      name: 'alertmanager',
      scopes: ['incidents:write'],
    });

    // The portal: a plain HTTP server handing each request to the route handler.
    server = http.createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const response = await POST(
        new Request(`http://127.0.0.1${req.url}`, {
          method: req.method,
          headers: req.headers as Record<string, string>,
          body: Buffer.concat(chunks),
        }),
      );
      deliveries.push(response.status);
      res.writeHead(response.status, { 'content-type': 'application/json' });
      res.end(await response.text());
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const portalPort = (server.address() as AddressInfo).port;

    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'am-'));
    const config = [
      'route:',
      '  receiver: portal',
      "  group_by: ['alertname', 'service']",
      '  group_wait: 1s',
      '  group_interval: 1s',
      '  repeat_interval: 1h',
      'receivers:',
      '  - name: portal',
      '    webhook_configs:',
      `      - url: http://127.0.0.1:${portalPort}/api/v1/alertmanager`,
      '        send_resolved: true',
      '        http_config:',
      '          authorization:',
      '            type: Bearer',
      `            credentials: ${token}`,
    ].join('\n');
    fs.writeFileSync(path.join(dir, 'am.yml'), config);
    const amPort = await freePort();
    amUrl = `http://127.0.0.1:${amPort}`;
    am = spawn(
      BIN,
      [
        `--config.file=${path.join(dir, 'am.yml')}`,
        `--storage.path=${path.join(dir, 'data')}`,
        `--web.listen-address=127.0.0.1:${amPort}`,
        '--cluster.listen-address=',
      ],
      { stdio: 'ignore' },
    );
    await until('Alertmanager ready', async () => (await fetch(`${amUrl}/-/ready`)).ok);
  }, 90_000);

  afterAll(async () => {
    am?.kill('SIGTERM');
    await new Promise((r) => server?.close(r));
    await (await getDbHandle()).close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('an alert posted to Alertmanager opens an incident; its resolution resolves it', async () => {
    const { db } = await getDbHandle();
    const startsAt = new Date(Date.now() - 60_000).toISOString();
    const alert = {
      labels: { alertname: 'CheckoutErrorBudgetBurn', severity: 'critical', service: 'checkout' },
      annotations: { summary: 'Checkout 5xx above 5%' },
      startsAt,
    };
    const post = (body: unknown) =>
      fetch(`${amUrl}/api/v2/alerts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await post([alert])).ok).toBe(true);

    const group = await until('the incident', async () => (await db.select().from(alertmanagerGroups))[0]);
    const incident = await getIncident(db, group.incidentId);
    expect(incident).toMatchObject({
      severity: 'SEV1',
      source: 'alertmanager',
      alertName: 'CheckoutErrorBudgetBurn',
      status: 'investigating',
    });
    expect(incident?.services.map((s) => s.slug)).toEqual(['checkout']);
    expect(incident?.title).toContain('CheckoutErrorBudgetBurn');

    expect((await post([{ ...alert, endsAt: new Date().toISOString() }])).ok).toBe(true);
    const resolved = await until('the resolution', async () => {
      const i = await getIncident(db, group.incidentId);
      return i?.status === 'resolved' ? i : null;
    });
    expect(resolved.resolvedAt).not.toBeNull();
    expect(resolved.timeline.some((t) => t.kind === 'alert' && t.text.includes('resolved'))).toBe(true);
    expect(deliveries.every((s) => s === 200 || s === 201)).toBe(true);
    expect(
      (await db.select().from(alertmanagerGroups).where(eq(alertmanagerGroups.incidentId, group.incidentId)))
        .length,
    ).toBe(1);
  }, 120_000);
});
