// SPEC §6: overview and detail p50 with 1,000 SLOs × 30 days; 50 concurrent dashboard readers.
import { sql } from 'drizzle-orm';
import { createToken } from '@/db/identity/tokens';
import { queryRows } from '@/db/platform/sql';
import { allSloStatuses, sloStatusBySlug } from '@/db/slo/api';
import { ensureDataset } from './dataset';
import { BENCH_URL, fmtMs, percentile, repeat, report, signIn, startServer } from './lib';

export async function benchDashboards() {
  console.log('\n— Dashboards (1,000 SLOs × 30 days of minute samples) —');
  const handle = await ensureDataset();
  const [{ n }] = await queryRows<{ n: number }>(
    handle.db,
    sql`select count(*)::float8 as n from sli_samples`,
  );
  report('raw minute samples in the database', `${(n / 1e6).toFixed(1)} M`);
  const inProcess = await repeat(15, () => allSloStatuses(handle.db));
  report('status of all 1,000 SLOs, in process (p50)', fmtMs(percentile(inProcess, 50)));
  const one = await repeat(30, () => sloStatusBySlug(handle.db, 'bench-slo-17'));
  report('status of one SLO, in process (p50)', fmtMs(percentile(one, 50)));
  const token = (
    await createToken(
      handle.db,
      { type: 'system', label: 'bench' },
      { name: `bench-${Date.now()}`, scopes: ['read'] },
    )
  ).token;
  await handle.close();

  const port = 3200;
  const server = await startServer(port, { DATABASE_URL: BENCH_URL });
  try {
    const base = `http://localhost:${port}`;
    const cookie = await signIn(base, 'bench@example.com', 'bench-password');
    const get = async (path: string, headers: Record<string, string>) => {
      const res = await fetch(base + path, { headers });
      if (!res.ok) throw new Error(`${path}: ${res.status}`);
      await res.arrayBuffer();
    };
    await get('/slos', { cookie });
    const overview = await repeat(20, () => get('/slos', { cookie }));
    report(
      'GET /slos (overview page, server response) p50',
      fmtMs(percentile(overview, 50)),
      '≤ 150 ms',
      percentile(overview, 50) <= 150,
    );
    const detail = await repeat(20, () => get('/slos/bench-slo-17', { cookie }));
    report(
      'GET /slos/{slug} (detail page) p50',
      fmtMs(percentile(detail, 50)),
      '≤ 150 ms',
      percentile(detail, 50) <= 150,
    );
    const api = await repeat(20, () => get('/api/v1/slos', { authorization: `Bearer ${token}` }));
    report('GET /api/v1/slos (1,000 SLOs as JSON) p50', fmtMs(percentile(api, 50)));

    // 50 concurrent dashboard readers for 10 s: open overviews refreshing (/api/ui/slos, as the
    // page's TanStack Query does) and detail numbers through the API; then each kind alone.
    const load = async (
      label: string,
      pick: (i: number, n: number) => [string, Record<string, string>],
      seconds: number,
    ) => {
      const latencies: number[] = [];
      const deadline = Date.now() + seconds * 1000;
      let errors = 0;
      const reader = async (i: number) => {
        while (Date.now() < deadline) {
          const [path, headers] = pick(i, 1 + ((i * 7 + latencies.length) % 1000));
          const t0 = performance.now();
          try {
            await get(path, headers);
            latencies.push(performance.now() - t0);
          } catch {
            errors += 1;
          }
        }
      };
      const t0 = Date.now();
      await Promise.all(Array.from({ length: 50 }, (_, i) => reader(i)));
      const rps = latencies.length / ((Date.now() - t0) / 1000);
      const p99 = percentile(latencies, 99);
      report(`${label}: throughput`, `${rps.toFixed(0)} req/s`, '≥ 200 req/s', rps >= 200);
      report(`${label}: p99`, fmtMs(p99), '≤ 500 ms', p99 <= 500);
      if (errors) report('  errors', String(errors));
    };
    const overviewRefresh = (n: number): [string, Record<string, string>] => [
      `/api/ui/slos?page=${1 + (n % 20)}`,
      { cookie },
    ];
    const detailApi = (n: number): [string, Record<string, string>] => [
      `/api/v1/slos/bench-slo-${n}`,
      { authorization: `Bearer ${token}` },
    ];
    await load('50 readers, mixed', (i, n) => (i % 2 ? overviewRefresh(n) : detailApi(n)), 10);
    await load('50 readers, overview refresh only', (_i, n) => overviewRefresh(n), 5);
    await load('50 readers, single-SLO API only', (_i, n) => detailApi(n), 5);
  } finally {
    server.kill();
  }
}
