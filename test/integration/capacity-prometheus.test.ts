// Daily Prometheus pull of a resource's query, against a stub of the query_range API
// (the HTTP client itself is exercised against a real Prometheus in prometheus.test.ts).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { syncCapacityResource, syncDueCapacity } from '@/db/capacity/prometheus-sync';
import { createResource } from '@/db/capacity/resources';
import { putSetting } from '@/db/platform/settings';
import { capacityResources, capacitySamples } from '@/db/schema';
import { describeEachDriver } from '../helpers/db';
import { makeService, testActor } from '../helpers/fixtures';

const DAY = 86_400_000;
const now = new Date(Date.UTC(2026, 10, 30, 12));
let server: Server;
let url = '';
let queries: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const params = new URL(req.url ?? '', 'http://x').searchParams;
    const query = params.get('query') ?? '';
    queries.push(query);
    res.setHeader('content-type', 'application/json');
    if (query.includes('broken')) {
      res.statusCode = 400;
      res.end(JSON.stringify({ status: 'error', errorType: 'bad_data', error: 'parse error' }));
      return;
    }
    const start = Number(params.get('start'));
    const end = Number(params.get('end'));
    const values: [number, string][] = [];
    // Hourly values: each day peaks at 14:00 UTC at 100 + day number.
    for (let t = Math.ceil(start / 3600) * 3600; t <= end; t += 3600) {
      const day = Math.floor(t / 86400);
      const hour = (t / 3600) % 24;
      values.push([t, String(hour === 14 ? 100 + (day % 1000) : 50)]);
    }
    res.end(
      JSON.stringify({ status: 'success', data: { resultType: 'matrix', result: [{ metric: {}, values }] } }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describeEachDriver('capacity Prometheus sync', (ctx) => {
  it('backfills daily peaks once a day and records a failed query on the resource', async () => {
    const { db } = ctx();
    queries = [];
    const service = await makeService(db);
    const base = { serviceId: service.id, unit: 'rps', capacityPerInstance: '100', instances: '3' };
    const good = await createResource(db, testActor, {
      ...base,
      slug: 'prom-good',
      name: 'Good',
      promQuery: 'max(rate(http_requests_total[5m]))',
    });
    const bad = await createResource(db, testActor, {
      ...base,
      slug: 'prom-bad',
      name: 'Bad',
      promQuery: 'broken(',
    });
    await putSetting(db, testActor, 'prometheus.datasource', { url, timeoutSeconds: 5 });

    expect(await syncDueCapacity(db, now)).toBe(2);
    const rows = await db.select().from(capacitySamples).where(eq(capacitySamples.resourceId, good.id));
    expect(rows).toHaveLength(181); // 180 days back to today, one peak each
    const day = Math.floor(now.getTime() / DAY);
    const peakOf = (d: number) => rows.find((r) => r.ts.getTime() === d * DAY)?.value;
    expect(peakOf(day - 1)).toBe(100 + ((day - 1) % 1000));
    expect(peakOf(day)).toBe(50); // today's 14:00 peak has not happened yet at noon
    const [badRow] = await db.select().from(capacityResources).where(eq(capacityResources.id, bad.id));
    expect(badRow.promSyncError).toMatch(/parse error/);

    // Within the day a synced query is not pulled again; a failed one is retried after an hour.
    queries = [];
    expect(await syncDueCapacity(db, new Date(now.getTime() + 1_800_000))).toBe(0);
    expect(await syncDueCapacity(db, new Date(now.getTime() + 3_600_000))).toBe(1);
    expect(queries).toEqual(['broken(']);
    // A day later the good one resumes from its last stored day.
    const later = new Date(now.getTime() + DAY);
    const result = await syncCapacityResource(db, { id: good.id, promQuery: good.promQuery }, { url }, later);
    expect(result).toEqual({ days: 2 });
  });
});
