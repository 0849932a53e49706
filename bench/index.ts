// npm run bench [-- dashboards prometheus ingest startup bundle]: prints the SPEC §6 figures, each with its target.
import { benchBundle } from './bundle';
import { benchDashboards } from './dashboards';
import { benchIngest } from './ingest';
import { benchPrometheus } from './prometheus';
import { benchStartup } from './startup';

const all = {
  dashboards: benchDashboards,
  prometheus: benchPrometheus,
  ingest: benchIngest,
  startup: benchStartup,
  bundle: benchBundle,
};
const chosen = process.argv.slice(2).filter((a) => a in all) as (keyof typeof all)[];

for (const name of chosen.length ? chosen : (Object.keys(all) as (keyof typeof all)[])) {
  await all[name]();
}
process.exit(0);
