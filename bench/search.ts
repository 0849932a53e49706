// Full-text search (issue #17, target 6): postmortem and runbook search over 10,000
// documents each (2,000 with --quick), p50 and its ratio to the bare tsvector query.
import { sql } from 'drizzle-orm';
import { searchIncidents } from '@/db/incidents/search';
import { queryRows } from '@/db/platform/sql';
import { searchRunbooks } from '@/db/runbooks/queries';
import { prefixTsQuery } from '@/lib/runbooks/search';
import { ensureDataset } from './dataset';
import { heading, paired, QUICK, report } from './lib';

const DOCS = QUICK ? 2_000 : 10_000;
const WORDS = `database connection pool exhausted timeout latency spike deploy rollback kafka consumer lag
partition rebalance certificate expired tls handshake dns resolution failure load balancer health check
memory leak oom killed pod eviction node pressure disk full inode cache stampede redis failover replica
promotion postgres vacuum bloat index corruption queue backlog retry storm thundering herd rate limit
throttling upstream dependency circuit breaker feature flag config push bad canary regression cpu
saturation garbage collection pause thread pool deadlock mutex contention network partition packet loss
bgp route leak cdn purge origin overload autoscaler lag cold start quota exceeded api gateway checkout
payments search ingestion pipeline batch job cron schedule clock skew ntp leap second storage volume
snapshot backup restore migration schema lock long transaction replication slot wal archive`
  .split(/\s+/)
  .filter(Boolean);

const QUERIES = [
  'database connection pool',
  'kafka consumer lag',
  'certificate expired',
  'dns failure',
  'rollback deploy',
  'redis failover',
  'disk full',
  'retry storm',
];

/** DOCS incidents with postmortems and DOCS runbooks of ~250 words each, generated in SQL (once). */
async function ensureDocuments(db: Parameters<typeof queryRows>[0]) {
  const [{ n }] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from runbooks where slug like 'bench-rb-%'`,
  );
  if (n >= DOCS) return;
  console.log(
    `  generating ${DOCS.toLocaleString('en')} postmortems and ${DOCS.toLocaleString('en')} runbooks…`,
  );
  const words = `{${WORDS.join(',')}}`;
  const text = (count: number) =>
    sql.raw(
      `(select string_agg((${`'${words}'`}::text[])[1 + floor(random() * ${WORDS.length})::int] || case when random() < 0.1 then '.' else '' end, ' ') from generate_series(1, ${count} + (g * 0))) `,
    );
  await db.execute(sql`
    insert into incidents (title, summary, severity, status, started_at)
    select 'Bench incident ' || g || ' ' || ${text(6)}, ${text(40)}, 'SEV3', 'resolved', now() - (g || ' hours')::interval
    from generate_series(1, ${DOCS}) g`);
  await db.execute(sql`
    insert into postmortems (incident_id, title, status, sections)
    select i.id, i.title, 'published',
      jsonb_build_object('summary', ${text(60)}, 'impact', ${text(40)}, 'rootCauses', ${text(80)},
        'resolution', ${text(40)}, 'lessons', ${text(30)})
    from (select id, title, row_number() over () as g from incidents where title like 'Bench incident %'
          and not exists (select 1 from postmortems p where p.incident_id = incidents.id)) i`);
  await db.execute(sql`
    insert into runbooks (slug, title, body)
    select 'bench-rb-' || g, 'Runbook ' || g || ': ' || ${text(5)}, '## Symptoms\n' || ${text(80)} || '\n## Steps\n' || ${text(170)}
    from generate_series(1, ${DOCS}) g on conflict do nothing`);
  await db.execute(sql`analyze incidents, postmortems, runbooks`);
}

export async function benchSearch() {
  heading(
    `Full-text search (${DOCS.toLocaleString('en')} postmortems, ${DOCS.toLocaleString('en')} runbooks)`,
  );
  const handle = await ensureDataset();
  const { db } = handle;
  try {
    await ensureDocuments(db);
    let i = 0;
    const nextQuery = () => QUERIES[i++ % QUERIES.length];
    const n = QUICK ? 16 : 40;

    let q = '';
    const [bareP, portalP] = await paired(
      n,
      () => {
        q = nextQuery();
        return queryRows(
          db,
          sql`select id from postmortems where search_vector @@ websearch_to_tsquery('english', ${q})
              order by ts_rank(search_vector, websearch_to_tsquery('english', ${q})) desc limit 30`,
        );
      },
      () => searchIncidents(db, q),
    );
    report('postmortem and incident search, ranked, with snippets (p50)', portalP, 'ms', {
      reference: { label: 'bare tsvector match + rank', value: bareP },
      ratio: portalP / bareP,
    });

    const [bareR, portalR] = await paired(
      n,
      () => {
        q = nextQuery();
        return queryRows(
          db,
          sql`select id from runbooks where search_vector @@ to_tsquery('english', ${prefixTsQuery(q)})
              order by ts_rank(search_vector, to_tsquery('english', ${prefixTsQuery(q)})) desc limit 100`,
        );
      },
      () => searchRunbooks(db, { q }),
    );
    report('runbook search, title first, with snippets (p50)', portalR, 'ms', {
      reference: { label: 'bare tsvector match + rank', value: bareR },
      ratio: portalR / bareR,
    });
  } finally {
    await handle.close();
  }
}
