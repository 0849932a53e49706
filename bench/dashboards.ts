// SPEC §6: overview and detail p50 with 1,000 SLOs × 30 days; 50 concurrent dashboard readers.
import { sql } from 'drizzle-orm';
import { allSloStatuses, sloStatusBySlug } from '@/db/services/slo-api';
import { createToken } from '@/db/services/tokens';
import { queryRows } from '@/db/sql';
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
    // page's TanStack Query does) and detail numbers through the API.
    const latencies: number[] = [];
    const deadline = Date.now() + 10_000;
    let errors = 0;
    const reader = async (i: number) => {
      while (Date.now() < deadline) {
        const t0 = performance.now();
        try {
          await get(
            i % 2
              ? `/slos/bench-slo-${1 + ((i * 7 + latencies.length) % 1000)}`
              : `/api/v1/slos/bench-slo-${1 + (i % 1000)}`,
            i % 2 ? { cookie } : { authorization: `Bearer ${token}` },
          );
          latencies.push(performance.now() - t0);
        } catch {
          errors += 1;
        }
      }
    };
    const t0 = Date.now();
    await Promise.all(Array.from({ length: 50 }, (_, i) => reader(i)));
    const rps = latencies.length / ((Date.now() - t0) / 1000);
    report(
      '50 concurrent dashboard readers: throughput',
      `${rps.toFixed(0)} req/s`,
      '≥ 200 req/s',
      rps >= 200,
    );
    report(
      '50 concurrent dashboard readers: p99',
      fmtMs(percentile(latencies, 99)),
      '≤ 500 ms',
      percentile(latencies, 99) <= 500,
    );
    if (errors) report('  errors during the concurrent run', String(errors));
  } finally {
    server.kill();
  }
}
