// `npm run build`, after `next build`: the start-up scripts bundled into plain JavaScript in the
// build folder, so `npm start` and `npm run demo` run them with node instead of compiling their
// TypeScript on the fly with tsx (about half a second per start). Dependencies stay in
// node_modules. scripts/proc.mjs (scriptCommand) falls back to tsx when a bundled source changed.
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { BUNDLED_SCRIPTS, bundleDir, bundlePath, inputsPath } from './proc.mjs';

const outdir = bundleDir();
fs.mkdirSync(outdir, { recursive: true });

/** db/migrate.ts finds db/migrations next to itself: from the bundle, that is back in the source tree. */
const sourceUrl = {
  name: 'source-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      const text = await fs.promises.readFile(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const rel = path.relative(outdir, args.path).split(path.sep).join('/');
      return {
        contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(rel)}, import.meta.url).href`),
        loader: 'ts',
      };
    });
  },
};

for (const name of BUNDLED_SCRIPTS) {
  const outfile = bundlePath(name);
  const result = await build({
    entryPoints: [`scripts/${name}.ts`],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    metafile: true,
    logLevel: 'warning',
    plugins: [sourceUrl],
  });
  // The sources in the bundle: a newer one means the bundle is stale (proc.mjs runs tsx instead).
  const inputs = Object.keys(result.metafile.inputs).filter((p) => !p.includes('node_modules'));
  fs.writeFileSync(inputsPath(name), JSON.stringify(inputs));
  console.log(`bundled scripts/${name}.ts (${inputs.length} sources) → ${path.relative('.', outfile)}`);
}
