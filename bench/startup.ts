// SPEC §6: embedded cold start (migrate + seed into a new folder) and warm start (server ready on it).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { report } from './lib';

export async function benchStartup() {
  console.log('\n— Embedded start-up (PGlite) —');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sre-bench-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PGLITE_DATA_DIR: path.join(dir, 'pglite'),
    ADMIN_PASSWORD: 'bench-password',
  };
  delete env.DATABASE_URL;
  let t0 = performance.now();
  for (const script of ['scripts/setup-demo.ts']) {
    const r = spawnSync('node_modules/.bin/tsx', [script], { env, stdio: 'ignore' });
    if (r.status !== 0) throw new Error(`${script} failed`);
  }
  const cold = (performance.now() - t0) / 1000;
  report(
    'cold start: migrate + seed the demo (90 days × 30 SLOs)',
    `${cold.toFixed(1)} s`,
    '≤ 30 s',
    cold <= 30,
  );

  t0 = performance.now();
  const port = 3202;
  const child = spawn('node', ['scripts/start.mjs'], {
    env: { ...env, PORT: String(port) },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      try {
        if ((await fetch(`http://localhost:${port}/api/health`)).ok) break;
      } catch {}
      await new Promise((r) => setTimeout(r, 50));
    }
    const warm = (performance.now() - t0) / 1000;
    report(
      'warm start: npm start on the existing folder until healthy',
      `${warm.toFixed(1)} s`,
      '≤ 5 s',
      warm <= 5,
    );
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
