// Throwaway PostgreSQL clusters and portal server processes for the fault and replica
// tests (issue 9): initdb + pg_ctl on a spare port as the `postgres` OS user, and the
// production build started with scripts/server.mjs against it.
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PG_BIN = (() => {
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return '';
  const versions = fs.readdirSync(root).sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(root, versions[0], 'bin') : '';
})();

/** True when this machine can run a throwaway cluster (PostgreSQL binaries, root to switch to `postgres`). */
export const canRunCluster =
  PG_BIN !== '' &&
  process.getuid?.() === 0 &&
  spawnSync('runuser', ['-u', 'postgres', '--', 'true']).status === 0;

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

const asPostgres = (cmd: string, args: string[]) =>
  execFileSync('runuser', ['-u', 'postgres', '--', path.join(PG_BIN, cmd), ...args], { stdio: 'pipe' });

export interface Cluster {
  port: number;
  url: (db?: string) => string;
  start: () => void;
  stop: () => void;
  destroy: () => void;
}

export async function startCluster(): Promise<Cluster> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sre-pg-'));
  fs.chmodSync(dir, 0o777);
  const data = path.join(dir, 'data');
  execFileSync('chown', ['postgres', dir]);
  asPostgres('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  const port = await freePort();
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60`;
  const cluster: Cluster = {
    port,
    url: (db = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${db}`,
    start: () => asPostgres('pg_ctl', ['-D', data, '-o', opts, '-l', path.join(dir, 'log'), '-w', 'start']),
    stop: () => asPostgres('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']),
    destroy: () => {
      try {
        cluster.stop();
      } catch {
        // already stopped
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  cluster.start();
  return cluster;
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

export const ADMIN = { email: 'admin@fault.test', password: 'fault-admin-pass' };

function baseEnv(databaseUrl: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: databaseUrl,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    AUTH_SECRET: 'fault-secret-fault-secret-fault-secret-0123',
    LOGIN_MAX_FAILURES: '50',
    NODE_ENV: 'production',
  };
}

/** Migrates the database and creates the admin (npm run db:migrate). */
export function migrate(databaseUrl: string) {
  execFileSync(TSX, ['scripts/migrate.ts'], { cwd: ROOT, env: baseEnv(databaseUrl), stdio: 'pipe' });
}

/** A token with the given scopes (npm run token). */
export function mintToken(databaseUrl: string, scopes: string[]): string {
  const out = execFileSync(
    TSX,
    ['scripts/token.ts', '--name', `t-${Date.now()}`, ...scopes.flatMap((s) => ['--scope', s])],
    { cwd: ROOT, env: baseEnv(databaseUrl), encoding: 'utf8' },
  );
  const token = out.split('\n').find((l) => /^\S{20,}$/.test(l.trim()));
  if (!token) throw new Error(`no token in: ${out}`);
  return token.trim();
}

export interface Portal {
  url: string;
  process: ChildProcess;
  log: () => string;
  stop: () => Promise<void>;
}

/** Starts the production build (scripts/server.mjs) on a spare port and waits until it answers. */
export async function startPortal(
  databaseUrl: string,
  extraEnv: Record<string, string> = {},
): Promise<Portal> {
  const port = await freePort();
  let output = '';
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts/server.mjs')], {
    cwd: ROOT,
    env: {
      ...baseEnv(databaseUrl),
      PORT: String(port),
      NEXTAUTH_URL: `http://localhost:${port}`,
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  const url = `http://localhost:${port}`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`portal exited: ${output}`);
    const ok = await fetch(`${url}/api/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    process: child,
    log: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** One push SLO (and its service) through the OpenSLO API. */
export async function createPushSlo(portal: Portal, token: string, slug: string) {
  const yaml = `apiVersion: openslo/v1
kind: Service
metadata:
  name: ${slug}-svc
  displayName: ${slug} service
---
apiVersion: openslo/v1
kind: SLO
metadata:
  name: ${slug}
  displayName: ${slug}
spec:
  service: ${slug}-svc
  indicator:
    spec:
      ratioMetric:
        good:
          metricSource:
            type: Any
        total:
          metricSource:
            type: Any
  timeWindow:
    - duration: 28d
      isRolling: true
  budgetingMethod: Occurrences
  objectives:
    - target: 0.99
`;
  const res = await fetch(`${portal.url}/api/v1/openslo`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/yaml' },
    body: yaml,
  });
  if (!res.ok) throw new Error(`OpenSLO import failed: ${res.status} ${await res.text()}`);
}
