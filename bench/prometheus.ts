// SPEC §6: budgets of 100 SLOs over 30 days through the portal's API vs Prometheus
// evaluating `sum by (slo) (increase(...[30d]))` over the same samples.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { createToken } from '@/db/identity/tokens';
import { ensureDataset } from './dataset';
import { BENCH_URL, fmtMs, percentile, repeat, report, startServer } from './lib';

const SERVICES = ['bench-svc-1', 'bench-svc-2', 'bench-svc-3', 'bench-svc-4', 'bench-svc-5'];
const DIR = process.env.BENCH_PROM_DIR ?? '/tmp/sre-bench-prometheus';

/** Exports the 100 SLOs' minute samples as cumulative OpenMetrics counters and backfills a TSDB (once). */
async function ensureTsdb(): Promise<{ end: number }> {
  const marker = path.join(DIR, 'ready.json');
  if (fs.existsSync(marker)) return JSON.parse(fs.readFileSync(marker, 'utf8'));
  fs.mkdirSync(DIR, { recursive: true });
  const pg = postgres(BENCH_URL, { max: 1 });
  const file = fs.createWriteStream(path.join(DIR, 'data.om'));
  let end = 0;
  for (const [family, column] of [
    ['slo_events_good', 'good'],
    ['slo_events', 'total'],
  ] as const) {
    file.write(`# TYPE ${family} counter\n`);
    const cursor = pg
      .unsafe(
        `
      select o.slug, extract(epoch from s.minute)::bigint + 60 as t,
        sum(s.${column}) over (partition by s.slo_id order by s.minute) as v
      from sli_samples s join slos o on o.id = s.slo_id join services v on v.id = o.service_id
      where v.slug = any($1) order by o.slug, s.minute`,
        [SERVICES],
      )
      .cursor(10_000);
    for await (const rows of cursor) {
      let chunk = '';
      for (const r of rows) {
        chunk += `${family}_total{slo="${r.slug}"} ${r.v} ${r.t}\n`;
        end = Math.max(end, Number(r.t));
      }
      if (!file.write(chunk)) await new Promise<void>((r) => file.once('drain', () => r()));
    }
  }
  file.end('# EOF\n');
  await new Promise<void>((r) => file.once('finish', () => r()));
  await pg.end();
  const t0 = Date.now();
  const out = spawnSync(
    'promtool',
    ['tsdb', 'create-blocks-from', 'openmetrics', '--max-block-duration=720h', 'data.om', 'tsdb'],
    { cwd: DIR, encoding: 'utf8' },
  );
  if (out.status !== 0) throw new Error(out.stderr);
  console.log(`  backfilled Prometheus in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  fs.rmSync(path.join(DIR, 'data.om'));
  fs.writeFileSync(marker, JSON.stringify({ end }));
  return { end };
}

export async function benchPrometheus() {
  console.log('\n— Budgets of 100 SLOs over 30 days: portal vs Prometheus —');
  const handle = await ensureDataset();
  const token = (
    await createToken(
      handle.db,
      { type: 'system', label: 'bench' },
      { name: `prom-${Date.now()}`, scopes: ['read'] },
    )
  ).token;
  await handle.close();
  const { end } = await ensureTsdb();
  fs.writeFileSync(path.join(DIR, 'prometheus.yml'), 'global: {}\nscrape_configs: []\n');
  const prom = spawn(
    'prometheus',
    [
      `--config.file=${DIR}/prometheus.yml`,
      `--storage.tsdb.path=${DIR}/tsdb`,
      '--storage.tsdb.retention.time=3650d',
      '--web.listen-address=127.0.0.1:19099',
    ],
    { stdio: 'ignore' },
  );
  const port = 3203;
  const server = await startServer(port, { DATABASE_URL: BENCH_URL });
  try {
    for (let i = 0; i < 300; i++) {
      try {
        if ((await fetch('http://127.0.0.1:19099/-/ready')).ok) break;
      } catch {}
      await new Promise((r) => setTimeout(r, 200));
    }
    const promQuery = async (range: string) => {
      for (const q of [
        `sum by (slo) (increase(slo_events_good_total[${range}]))`,
        `sum by (slo) (increase(slo_events_total[${range}]))`,
      ]) {
        const res = await fetch(
          `http://127.0.0.1:19099/api/v1/query?${new URLSearchParams({ query: q, time: String(end) })}`,
        );
        const body = (await res.json()) as { data: { result: unknown[] } };
        if (body.data.result.length !== 100)
          throw new Error(`prometheus returned ${body.data.result.length} series`);
      }
    };
    const api = async () => {
      const res = await fetch(`http://localhost:${port}/api/v1/slos?service=${SERVICES.join(',')}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const body = (await res.json()) as { slos: unknown[] };
      if (body.slos.length !== 100) throw new Error(`portal returned ${body.slos.length} SLOs`);
    };
    await promQuery('30d');
    await api();
    const prom30 = percentile(await repeat(5, () => promQuery('30d')), 50);
    const portal30 = percentile(await repeat(10, api), 50);
    report('Prometheus sum by (slo) (increase(…[30d])), good+total, p50', fmtMs(prom30));
    report('portal GET /api/v1/slos for the same 100 SLOs, p50', fmtMs(portal30));
    report(
      'portal speed-up over Prometheus (30 days)',
      `${(prom30 / portal30).toFixed(1)}×`,
      '≥ 20×',
      prom30 / portal30 >= 20,
    );

    // 90-day windows: the same SLOs re-read with a 90-day window (the dataset holds 30 days of samples).
    const pg = postgres(BENCH_URL, { max: 1 });
    await pg`update slos set window_days = 90 where service_id in (select id from services where slug = any(${SERVICES}))`;
    try {
      const portal90 = percentile(await repeat(10, api), 50);
      const prom90 = percentile(await repeat(5, () => promQuery('90d')), 50);
      report(
        'portal 90-day window ÷ 30-day window',
        `${(portal90 / portal30).toFixed(2)}×`,
        '≤ 1.5×',
        portal90 / portal30 <= 1.5,
      );
      report('Prometheus 90d ÷ 30d (over 30 days of samples)', `${(prom90 / prom30).toFixed(2)}×`);
    } finally {
      await pg`update slos set window_days = 30 where service_id in (select id from services where slug = any(${SERVICES}))`;
      await pg.end();
    }
  } finally {
    server.kill();
    prom.kill();
  }
}
