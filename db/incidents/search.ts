import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { queryRows } from '@/db/platform/sql';

export const HIGHLIGHT_START = '[[[';
export const HIGHLIGHT_STOP = ']]]';

export interface SearchHit {
  kind: 'incident' | 'postmortem';
  id: string;
  title: string;
  status: string;
  rank: number;
  /** Plain text with matches between HIGHLIGHT_START and HIGHLIGHT_STOP; render as text, never as HTML. */
  snippet: string;
}

const OPTS = `StartSel="${HIGHLIGHT_START}", StopSel="${HIGHLIGHT_STOP}", MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

/** Full-text search over postmortems and incidents (SPEC 1.3): ranked, with highlighted snippets. */
export async function searchIncidents(db: Executor, query: string, limit = 30): Promise<SearchHit[]> {
  const q = query.split(String.fromCharCode(0)).join('').trim().slice(0, 200);
  if (!q) return [];
  const rows = await queryRows<{
    kind: string;
    id: string;
    title: string;
    status: string;
    rank: number;
    snippet: string;
  }>(
    db,
    sql`
    with q as (select websearch_to_tsquery('english', ${q}) as q),
    hits as (
      select 'postmortem' as kind, p.id::text as id, p.title, p.status, ts_rank(p.search_vector, q.q) as rank,
        (select string_agg(value, ' ') from jsonb_each_text(p.sections)) as body, q.q
      from postmortems p, q where p.search_vector @@ q.q
      union all
      select 'incident', i.id::text, 'INC-' || i.number || ' ' || i.title, i.status, ts_rank(i.search_vector, q.q),
        i.title || ' ' || i.summary, q.q
      from incidents i, q where i.search_vector @@ q.q
      order by rank desc limit ${Math.min(Math.max(limit, 1), 100)}
    )
    select kind, id, title, status, rank::float8 as rank, ts_headline('english', body, q, ${OPTS}) as snippet from hits order by rank desc`,
  );
  return rows.map((r) => ({ ...r, kind: r.kind as SearchHit['kind'], rank: Number(r.rank) }));
}
