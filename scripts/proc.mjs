// Small helpers shared by the npm scripts (plain Node, no build step).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const bin = (name) => path.resolve('node_modules/.bin', name);

/** Runs a command with inherited stdio; resolves with its exit code. */
export function run(cmd, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

export async function mustRun(cmd, args, env = {}) {
  const code = await run(cmd, args, env);
  if (code !== 0) {
    console.error(`\n✗ ${path.basename(cmd)} ${args.join(' ')} failed (exit ${code})`);
    process.exit(code);
  }
}

export const hasBuild = () => fs.existsSync(path.join(process.env.NEXT_DIST_DIR || '.next', 'BUILD_ID'));

/**
 * Starts the production server (scripts/server.mjs: Next's handler, recording each request's
 * TCP peer for the sign-in limit), forwarding signals so Ctrl-C stops it cleanly.
 */
export function startNext(port, env = {}) {
  const child = spawn(process.execPath, [path.resolve('scripts/server.mjs')], {
    stdio: 'inherit',
    env: {
      NEXTAUTH_URL: `http://localhost:${port}`,
      ...process.env,
      NODE_ENV: 'production',
      ...env,
      PORT: String(port),
    },
  });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code) => process.exit(code ?? 0));
}
