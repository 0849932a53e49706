// Dashboards (issue #17, target 2): page and API latencies at BENCH_SLOS SLOs, and 50
// concurrent readers of the overview refresh, of the detail numbers and mixed, each
// against a trivial route (liveness, no database) served by the same server in the same run.
import { createToken } from '@/db/identity/tokens';
import { ensureDataset } from './dataset';
import { benchServer, heading, p50, percentile, QUICK, report, reportRate, signIn } from './lib';

interface Load {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

/** 50 readers in a loop for `seconds`; each request's path and headers from `pick`. */
async function load(
  base: string,
  pick: (i: number, n: number) => [string, Record<string, string>],
  seconds: number,
): Promise<Load & { latencies: number[]; seconds: number }> {
  const latencies: number[] = [];
  const deadline = Date.now() + seconds * 1000;
  let errors = 0;
  let n = 0;
  const reader = async (i: number) => {
    while (Date.now() < deadline) {
      const [path, headers] = pick(i, n++);
      const t0 = performance.now();
      try {
        const res = await fetch(base + path, { headers });
        await res.arrayBuffer();
        if (!res.ok) throw new Error(String(res.status));
        latencies.push(performance.now() - t0);
      } catch {
        errors += 1;
      }
    }
  };
  const t0 = Date.now();
  await Promise.all(Array.from({ length: 50 }, (_, i) => reader(i)));
  const took = (Date.now() - t0) / 1000;
  return {
    rps: latencies.length / took,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    errors,
    latencies,
    seconds: took,
  };
}

/**
 * A load and the trivial route in alternating slices (trivial, load, trivial, load, …), so
 * both see the same machine: one busy moment cannot make either look better.
 */
async function pairedLoad(
  base: string,
  pick: (i: number, n: number) => [string, Record<string, string>],
  rounds: number,
  seconds: number,
): Promise<{ ref: Load; load: Load }> {
  const refs: Awaited<ReturnType<typeof load>>[] = [];
  const loads: Awaited<ReturnType<typeof load>>[] = [];
  for (let i = 0; i < rounds; i++) {
    refs.push(await load(base, () => ['/api/health/live', {}], seconds));
    loads.push(await load(base, pick, seconds));
  }
  const merge = (parts: Awaited<ReturnType<typeof load>>[]): Load => {
    const all = parts.flatMap((p) => p.latencies);
    return {
      rps: all.length / parts.reduce((t, p) => t + p.seconds, 0),
      p50: percentile(all, 50),
      p99: percentile(all, 99),
      errors: parts.reduce((t, p) => t + p.errors, 0),
    };
  };
  return { ref: merge(refs), load: merge(loads) };
}

export async function benchDashboards() {
  heading('Dashboards and 50 concurrent readers');
  const handle = await ensureDataset();
  const token = (
    await createToken(
      handle.db,
      { type: 'system', label: 'bench' },
      { name: `bench-${Date.now()}`, scopes: ['read'] },
    )
  ).token;
  await handle.close();

  const base = await benchServer();
  const cookie = await signIn(base, 'bench@example.com', 'bench-password');
  const bearer = { authorization: `Bearer ${token}` };
  const get = async (path: string, headers: Record<string, string>) => {
    const res = await fetch(base + path, { headers });
    if (!res.ok) throw new Error(`${path}: ${res.status}`);
    await res.arrayBuffer();
  };
  const n = QUICK ? 5 : 20;
  report(
    'GET /slos (overview page, server response) p50',
    await p50(n, () => get('/slos', { cookie })),
    'ms',
  );
  report(
    'GET /slos/{slug} (detail page) p50',
    await p50(n, () => get('/slos/bench-slo-17', { cookie })),
    'ms',
  );
  report('GET /api/v1/slos (every SLO as JSON) p50', await p50(n, () => get('/api/v1/slos', bearer)), 'ms');

  const seconds = QUICK ? 1 : 3;
  const rounds = QUICK ? 2 : 4;
  const trivial = await load(base, () => ['/api/health/live', {}], seconds);
  report('50 readers of a trivial route (liveness, no database)', trivial.rps, 'req/s', {});
  const kinds: [string, (i: number, n: number) => [string, Record<string, string>]][] = [
    ['overview refresh', (_i, k) => [`/api/ui/slos?page=${1 + (k % 20)}`, { cookie }]],
    ['SLO detail numbers (API)', (_i, k) => [`/api/v1/slos/bench-slo-${1 + ((k * 7) % 100)}`, bearer]],
    [
      'mixed',
      (i, k) =>
        i % 2
          ? [`/api/ui/slos?page=${1 + (k % 20)}`, { cookie }]
          : [`/api/v1/slos/bench-slo-${1 + ((k * 7) % 100)}`, bearer],
    ],
  ];
  for (const [label, pick] of kinds) {
    const { ref, load: r } = await pairedLoad(base, pick, rounds, seconds);
    reportRate(
      `50 readers, ${label}: throughput`,
      r.rps,
      { label: 'trivial route', value: ref.rps },
      0.5,
      'req/s',
    );
    report(
      `50 readers, ${label}: p99 ÷ p50 (${r.p50.toFixed(0)} / ${r.p99.toFixed(0)} ms)`,
      r.p99 / r.p50,
      '×',
      {
        target: '≤ 4×',
        ok: r.p99 / r.p50 <= 4,
      },
    );
    if (r.errors) report(`  errors (${label})`, r.errors, 'requests', { ok: false, target: '0' });
  }
}
