// Shared helpers for the benchmarks: timing, percentiles, a bench database, a server.
import { type ChildProcess, spawn } from 'node:child_process';
import postgres from 'postgres';

export const BENCH_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/sre_bench';

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

export const fmtMs = (ms: number) => `${ms.toFixed(1)} ms`;

export function report(label: string, value: string, target?: string, ok?: boolean) {
  const verdict = ok === undefined ? '' : ok ? '  ✓' : '  ✗ (target missed)';
  console.log(`${label.padEnd(58)} ${value.padStart(16)}${target ? `   target ${target}` : ''}${verdict}`);
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

/** Starts the production build against a database; resolves once /api/health answers. */
export async function startServer(port: number, env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn('node_modules/.bin/next', ['start', '-p', String(port)], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXTAUTH_URL: `http://localhost:${port}`,
      AUTH_SECRET: 'bench-secret-bench-secret-bench-secret-xx',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 200; i++) {
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
