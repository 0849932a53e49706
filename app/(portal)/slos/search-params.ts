// The SLO overview's URL state (?q=&service=&team=&tier=&status=&sort=&dir=&page=), read by the
// page and by its refresh route (/api/ui/slos) alike.
import type { OverviewQuery } from '@/db/slo/overview';
import { oneOf } from '@/lib/search-params';
import { OVERVIEW_SORTS, overviewDir } from '@/lib/slo/overview-sort';

export function parseOverviewQuery(p: Record<string, string | undefined>): OverviewQuery {
  const sort = oneOf(p.sort, OVERVIEW_SORTS);
  return {
    q: p.q || undefined,
    service: p.service || undefined,
    team: p.team || undefined,
    tier: p.tier || undefined,
    status: p.status || undefined,
    sort,
    // A sort named without a direction takes its worst-first one (highest burn, least budget…).
    dir: sort ? overviewDir(sort, p.dir) : undefined,
    page: Number.parseInt(p.page ?? '1', 10) || 1,
  };
}
