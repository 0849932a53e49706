import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const PROMETHEUS = process.env.PROMETHEUS_BIN ?? '/usr/bin/prometheus';
export const PROMTOOL = process.env.PROMTOOL_BIN ?? '/usr/bin/promtool';
export const hasPrometheus = fs.existsSync(PROMETHEUS) && fs.existsSync(PROMTOOL);
if (!hasPrometheus) {
  if (process.env.CI === 'true')
    throw new Error(`Prometheus/promtool not found (${PROMETHEUS}, ${PROMTOOL}): apt-get install prometheus`);
  console.warn(
    '\n⚠  prometheus/promtool not installed: the Prometheus tests are SKIPPED (apt-get install prometheus)\n',
  );
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export interface RunningPrometheus {
  url: string;
  dir: string;
  stop: () => Promise<void>;
}

export interface PrometheusOptions {
  /** Serve under a path prefix (--web.route-prefix), as Mimir or Thanos behind a proxy do. */
  routePrefix?: string;
  /** host:port of a target scraped every 250 ms with its own timestamps: data appended live. */
  scrapeTarget?: string;
}

/** Backfills OpenMetrics history with promtool and starts a throwaway Prometheus on a free loopback port. */
export async function startPrometheus(
  openMetrics: string,
  opts: PrometheusOptions = {},
): Promise<RunningPrometheus> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sre-prom-'));
  fs.writeFileSync(path.join(dir, 'data.om'), openMetrics);
  const scrape = opts.scrapeTarget
    ? `scrape_configs:\n  - job_name: live\n    honor_labels: true\n    honor_timestamps: true\n    scrape_interval: 250ms\n    scrape_timeout: 200ms\n    static_configs:\n      - targets: ['${opts.scrapeTarget}']\n`
    : 'scrape_configs: []\n';
  fs.writeFileSync(path.join(dir, 'prometheus.yml'), `global:\n  scrape_interval: 1m\n${scrape}`);
  const backfill = spawnSync(
    PROMTOOL,
    ['tsdb', 'create-blocks-from', 'openmetrics', '--max-block-duration=720h', 'data.om', 'tsdb'],
    { cwd: dir, encoding: 'utf8' },
  );
  if (backfill.status !== 0) throw new Error(`promtool backfill failed: ${backfill.stderr}`);
  const port = await freePort();
  const child = spawn(
    PROMETHEUS,
    [
      `--config.file=${path.join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${path.join(dir, 'tsdb')}`,
      '--storage.tsdb.retention.time=3650d',
      `--web.listen-address=127.0.0.1:${port}`,
      ...(opts.routePrefix
        ? [
            `--web.route-prefix=${opts.routePrefix}`,
            `--web.external-url=http://127.0.0.1:${port}${opts.routePrefix}`,
          ]
        : []),
    ],
    { stdio: 'ignore' },
  );
  const url = `http://127.0.0.1:${port}${opts.routePrefix ?? ''}`;
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${url}/-/ready`)).ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    dir,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function instantQuery(url: string, query: string, time: number): Promise<number | null> {
  const res = await fetch(`${url}/api/v1/query?${new URLSearchParams({ query, time: String(time) })}`);
  const body = (await res.json()) as { data: { result: { value: [number, string] }[] } };
  const v = body.data.result[0]?.value[1];
  return v === undefined ? null : Number(v);
}

/** OpenMetrics text of counters from cumulative values per minute. */
export function openMetrics(
  family: string,
  series: { labels: string; values: number[] }[],
  startSec: number,
): string {
  const lines = [`# TYPE ${family} counter`];
  for (const s of series) {
    for (const [i, v] of s.values.entries())
      lines.push(`${family}_total{${s.labels}} ${v} ${startSec + i * 60}`);
  }
  return `${lines.join('\n')}\n# EOF\n`;
}

export function runPromtool(args: string[], cwd: string) {
  return spawnSync(PROMTOOL, args, { cwd, encoding: 'utf8' });
}
