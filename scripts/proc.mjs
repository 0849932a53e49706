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

const distDir = () => process.env.NEXT_DIST_DIR || '.next';

export const hasBuild = () => fs.existsSync(path.join(distDir(), 'BUILD_ID'));

/** The TypeScript scripts `npm run build` bundles into plain JavaScript (scripts/build-scripts.mjs). */
export const BUNDLED_SCRIPTS = ['migrate', 'setup-demo'];
export const bundleDir = () => path.join(distDir(), 'sre-scripts');
export const bundlePath = (name) => path.join(bundleDir(), `${name}.mjs`);
export const inputsPath = (name) => path.join(bundleDir(), `${name}.inputs.json`);

/**
 * How to run scripts/<name>.ts: its bundle with node when the build made one and none of its
 * sources changed since, otherwise the source with tsx (compiled on the fly, ~0.5 s slower).
 */
export function scriptCommand(name) {
  const source = [bin('tsx'), [`scripts/${name}.ts`]];
  try {
    const built = fs.statSync(bundlePath(name)).mtimeMs;
    const inputs = JSON.parse(fs.readFileSync(inputsPath(name), 'utf8'));
    if (inputs.length === 0 || inputs.some((p) => fs.statSync(p).mtimeMs > built)) return source;
    return [process.execPath, [bundlePath(name)]];
  } catch {
    return source; // no bundle, or a source is gone
  }
}

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
