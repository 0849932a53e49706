// Shared helpers for the benchmarks: options, timing, percentiles, the figures
// (printed and written to JSON), a bench database and one production server per run.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';

/** `--quick`: 100 SLOs and short loads, for a run in under two minutes. */
export const QUICK = process.argv.includes('--quick');
export const BENCH_URL =
  process.env.BENCH_DATABASE_URL ??
  `postgres://postgres@127.0.0.1:5432/${QUICK ? 'sre_bench_quick' : 'sre_bench'}`;
export const BENCH_SLOS = QUICK ? 100 : 1000;
export const BENCH_DAYS = 30;

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export async function timeIt<T>(fn: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const t0 = performance.now();
  const result = await fn();
  return { ms: performance.now() - t0, result };
}

export async function repeat(n: number, fn: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push((await timeIt(fn)).ms);
  return out;
}

/** p50 of n runs after one warm-up run. */
export async function p50(n: number, fn: () => Promise<unknown>): Promise<number> {
  await fn();
  return percentile(await repeat(n, fn), 50);
}

/**
 * Alternates two measurements (a, b, a, b, …) so both see the same machine load,
 * and returns both p50s: every ratio in the bench is taken this way.
 */
export async function paired(
  n: number,
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
): Promise<[number, number]> {
  await a();
  await b();
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < n; i++) {
    ta.push((await timeIt(a)).ms);
    tb.push((await timeIt(b)).ms);
  }
  return [percentile(ta, 50), percentile(tb, 50)];
}

export interface Figure {
  section: string;
  label: string;
  value: number;
  unit: string;
  reference?: { label: string; value: number };
  ratio?: number;
  target?: string;
  ok?: boolean;
}

const figures: Figure[] = [];
let section = '';

export function heading(title: string) {
  section = title;
  console.log(`\n— ${title} —`);
}

const fmt = (v: number, unit: string) =>
  unit === 'ms'
    ? `${v.toFixed(1)} ms`
    : unit === 's'
      ? `${v.toFixed(1)} s`
      : `${Number(v.toFixed(2))} ${unit}`;

/** Prints one figure (and keeps it for the JSON file). */
export function report(
  label: string,
  value: number,
  unit: string,
  opts: Omit<Figure, 'section' | 'label' | 'value' | 'unit'> = {},
) {
  figures.push({ section, label, value, unit, ...opts });
  const verdict = opts.ok === undefined ? '' : opts.ok ? '  ✓' : '  ✗ target missed';
  const ratio = opts.ratio === undefined ? '' : `  ${opts.ratio.toFixed(2)}×`;
  const ref = opts.reference ? `  (${opts.reference.label}: ${fmt(opts.reference.value, unit)})` : '';
  console.log(
    `${label.padEnd(60)} ${fmt(value, unit).padStart(14)}${ratio}${opts.target ? `  target ${opts.target}` : ''}${verdict}${ref}`,
  );
}

/** value ÷ reference with a "≤ k×" target (times: lower is better). */
export function reportRatio(
  label: string,
  value: number,
  reference: { label: string; value: number },
  max: number,
  unit = 'ms',
) {
  const ratio = value / reference.value;
  report(label, value, unit, { reference, ratio, target: `≤ ${max}× reference`, ok: ratio <= max });
}

/** value ÷ reference with a "≥ k×" target (rates: higher is better). */
export function reportRate(
  label: string,
  value: number,
  reference: { label: string; value: number },
  min: number,
  unit: string,
) {
  const ratio = value / reference.value;
  report(label, value, unit, { reference, ratio, target: `≥ ${min}× reference`, ok: ratio >= min });
}

/** Writes every figure of the run to bench/results/<time>.json and bench/results/latest.json. */
export function writeResults(): string {
  const dir = path.join(process.cwd(), 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  // With a final newline, as the formatter writes JSON (the lint reads these files too).
  const body = `${JSON.stringify({ at: new Date().toISOString(), quick: QUICK, slos: BENCH_SLOS, figures }, null, 2)}\n`;
  const file = path.join(
    dir,
    `${new Date().toISOString().replace(/[:.]/g, '-')}${QUICK ? '-quick' : ''}.json`,
  );
  fs.writeFileSync(file, body);
  fs.writeFileSync(path.join(dir, 'latest.json'), body);
  const missed = figures.filter((f) => f.ok === false);
  console.log(
    `\n${figures.filter((f) => f.ok).length} targets met, ${missed.length} missed${missed.length ? `: ${missed.map((f) => f.label).join('; ')}` : ''}`,
  );
  return file;
}

/** Creates the bench database if it does not exist; returns true when it was created. */
export async function ensureDatabase(url = BENCH_URL): Promise<boolean> {
  const u = new URL(url);
  const name = u.pathname.slice(1);
  u.pathname = '/postgres';
  const admin = postgres(u.toString(), { max: 1, onnotice: () => {} });
  try {
    const [row] = await admin`select 1 as x from pg_database where datname = ${name}`;
    if (row) return false;
    await admin.unsafe(`create database ${name}`);
    return true;
  } finally {
    await admin.end();
  }
}

export const SERVER_PORT = 3200;
let server: { child: ChildProcess; base: string } | null = null;

/** The production build against the bench database, started once per run. */
export async function benchServer(): Promise<string> {
  if (server) return server.base;
  const child = await startServer(SERVER_PORT, { DATABASE_URL: BENCH_URL });
  server = { child, base: `http://localhost:${SERVER_PORT}` };
  return server.base;
}

export function stopBenchServer() {
  server?.child.kill();
  server = null;
}

/** Starts the production build; resolves once /api/health answers. */
export async function startServer(port: number, env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn('node', ['scripts/server.mjs'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      NEXTAUTH_URL: `http://localhost:${port}`,
      AUTH_SECRET: 'bench-secret-bench-secret-bench-secret-xx',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`http://localhost:${port}/api/health`)).ok) return child;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error('server did not start');
}

/** Signs in with the credentials provider and returns the session cookie header. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair.indexOf('=');
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const csrf = await fetch(`${base}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.includes('session-token'))) throw new Error('sign-in failed');
  return cookie();
}
