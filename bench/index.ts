// npm run bench [-- --quick] [-- budgets dashboards prometheus ingest search report bundle startup]
// Prints every figure next to its reference measured in the same run and the ratio's
// target (issue #17 / SPEC 6), and writes them all to bench/results/latest.json.
import { benchBudgets } from './budgets';
import { benchBundle } from './bundle';
import { benchDashboards } from './dashboards';
import { ensureDataset } from './dataset';
import { benchIngest } from './ingest';
import { QUICK, stopBenchServer, writeResults } from './lib';
import { benchPrometheus } from './prometheus';
import { benchReport } from './report';
import { benchSearch } from './search';
import { benchStartup } from './startup';

const all = {
  budgets: benchBudgets,
  dashboards: benchDashboards,
  prometheus: benchPrometheus,
  ingest: benchIngest,
  search: benchSearch,
  report: benchReport,
  bundle: benchBundle,
  startup: benchStartup,
  // Only builds (or checks) the dataset.
  dataset: async () => (await ensureDataset()).close(),
};
const chosen = process.argv.slice(2).filter((a) => a in all) as (keyof typeof all)[];
const t0 = Date.now();
// --quick measures what depends on the number of SLOs; start-up (the demo's cold seed alone
// takes ~40 s) runs only when named: `npm run bench -- --quick startup`.
const sections = chosen.length
  ? chosen
  : (Object.keys(all) as (keyof typeof all)[]).filter((n) => n !== 'dataset' && !(QUICK && n === 'startup'));
let failed = 0;
try {
  for (const name of sections) {
    // One broken section must not lose the others' figures.
    try {
      await all[name]();
    } catch (err) {
      failed += 1;
      console.error(`\n✗ ${name} failed:`, err instanceof Error ? err.message : err);
    }
  }
} finally {
  stopBenchServer();
}
const file = writeResults();
console.log(
  `figures written to ${file} (${QUICK ? 'quick, ' : ''}${((Date.now() - t0) / 1000).toFixed(0)} s)`,
);
process.exit(failed ? 1 : 0);
