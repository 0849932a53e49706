// Start-up (issue #17, target 4): the embedded demo's cold start (`npm run demo` after
// the build: migrate + seed every module) and warm start (`npm start` on the existing
// folder), each split into the database part and the server part.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { scriptCommand } from '../scripts/proc.mjs';
import { heading, report } from './lib';

/** Runs scripts/<name>.ts the way npm start and npm run demo do (its bundle from the build, else tsx). */
function runScript(name: string, env: NodeJS.ProcessEnv): Promise<number> {
  const t0 = performance.now();
  const [cmd, args] = scriptCommand(name);
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: 'ignore' });
    child.on('exit', (code) =>
      code === 0 ? resolve((performance.now() - t0) / 1000) : reject(new Error(`${name} failed (${code})`)),
    );
  });
}

/** Starts the production server on the embedded folder; seconds until /api/health answers 200. */
async function serverReady(env: NodeJS.ProcessEnv, port: number): Promise<number> {
  const t0 = performance.now();
  const child = spawn('node', ['scripts/server.mjs'], {
    env: { ...env, PORT: String(port), NODE_ENV: 'production', NEXTAUTH_URL: `http://localhost:${port}` },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      try {
        if ((await fetch(`http://localhost:${port}/api/health`)).ok) return (performance.now() - t0) / 1000;
      } catch {}
      if (child.exitCode !== null) throw new Error('server exited');
      await new Promise((r) => setTimeout(r, 25));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

export async function benchStartup() {
  heading('Embedded start-up (PGlite)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sre-bench-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PGLITE_DATA_DIR: path.join(dir, 'pglite'),
    ADMIN_PASSWORD: 'bench-password',
    AUTH_SECRET: 'bench-secret-bench-secret-bench-secret-xx',
  };
  delete env.DATABASE_URL;
  try {
    // npm run demo = scripts/setup-demo.ts (migrate + seed), then the server.
    const coldDb = await runScript('setup-demo', env);
    const coldServer = await serverReady(env, 3202);
    report('cold start (npm run demo after the build)', coldDb + coldServer, 's', {
      target: '≤ 30 s',
      ok: coldDb + coldServer <= 30,
    });
    console.log(
      `  database (migrate + seed): ${coldDb.toFixed(1)} s; server until healthy: ${coldServer.toFixed(1)} s`,
    );
    // npm start = scripts/migrate.ts (nothing to apply), then the server.
    const warmDb = await runScript('migrate', env);
    const warmServer = await serverReady(env, 3202);
    report('warm start (npm start on the existing folder)', warmDb + warmServer, 's', {
      target: '≤ 5 s',
      ok: warmDb + warmServer <= 5,
    });
    console.log(
      `  database (open + migration check): ${warmDb.toFixed(1)} s; server until healthy: ${warmServer.toFixed(1)} s`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
