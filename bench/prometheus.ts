// SPEC §6: budgets of 100 SLOs over 30 days through the portal's API vs Prometheus
// evaluating `sum by (slo) (increase(...[30d]))` over the same samples.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { getPolicy } from '@/db/platform/settings';
import { SumPlan } from '@/db/slo/sli-sums';
import { listSloRows } from '@/db/slo/slos';
import { computeSloStatuses, windowRange } from '@/db/slo/status';
import { windowOf } from '@/lib/validation/slo';
import { ensureDataset } from './dataset';
import { BENCH_URL, heading, paired, percentile, QUICK, repeat, report } from './lib';

// 100 SLOs: five services' twenty each (all fifty services' two each with --quick).
const SERVICES = Array.from({ length: QUICK ? 50 : 5 }, (_, i) => `bench-svc-${i + 1}`);
const DIR = process.env.BENCH_PROM_DIR ?? `/tmp/sre-bench-prometheus${QUICK ? '-quick' : ''}`;

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
  heading('Budgets of 100 SLOs over 30 days: portal (live) vs Prometheus');
  const handle = await ensureDataset();
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
    // The portal answers the same question live (no snapshot), in process, at the same instant:
    // each SLO's good and total over its 30-day window, from the running sums and daily rollups.
    const rows = (await listSloRows(handle.db)).filter((r) => SERVICES.includes(r.serviceSlug));
    if (rows.length !== 100) throw new Error(`expected 100 SLOs, found ${rows.length}`);
    const policy = await getPolicy(handle.db);
    const at = new Date(end * 1000);
    const windows = () => {
      const plan = new SumPlan();
      for (const r of rows) {
        const range = windowRange(windowOf(r), at);
        plan.range(r.id).add(range.start.getTime(), range.end.getTime());
      }
      return plan.sum(handle.db);
    };
    const n = QUICK ? 5 : 11;
    const [prom30, portal30] = await paired(n, () => promQuery('30d'), windows);
    report("portal, the same question live: 100 SLOs' 30-day good and total (p50)", portal30, 'ms', {
      reference: { label: 'Prometheus sum by (slo) (increase(…[30d])), good + total', value: prom30 },
      ratio: prom30 / portal30,
      target: '≥ 50× faster',
      ok: prom30 / portal30 >= 50,
    });
    // Everything the pages show besides, for scale: window, 7 lookbacks, alert windows,
    // corrections, alerts and gate decisions.
    const [promAgain, status] = await paired(
      n,
      () => promQuery('30d'),
      () => computeSloStatuses(handle.db, rows, policy, at),
    );
    console.log(
      `  the full live status of those 100 SLOs: ${status.toFixed(1)} ms (${(promAgain / status).toFixed(1)}× faster than Prometheus's 30-day sums alone)`,
    );
    const prom90 = percentile(await repeat(QUICK ? 2 : 3, () => promQuery('90d')), 50);
    console.log(`  Prometheus 90d ÷ 30d (over 30 days of samples): ${(prom90 / prom30).toFixed(2)}×`);
  } finally {
    prom.kill();
    await handle.close();
  }
}
