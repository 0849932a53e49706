// The SLO overview's URL state (?q=&service=&team=&tier=&status=&sort=&dir=&page=), read by the
// page and by its refresh route (/api/ui/slos) alike.
import { OVERVIEW_SORTS, type OverviewQuery } from '@/db/slo/overview';
import { oneOf } from '@/lib/search-params';

export function parseOverviewQuery(p: Record<string, string | undefined>): OverviewQuery {
  return {
    q: p.q || undefined,
    service: p.service || undefined,
    team: p.team || undefined,
    tier: p.tier || undefined,
    status: p.status || undefined,
    sort: oneOf(p.sort, OVERVIEW_SORTS),
    dir: p.dir === 'desc' ? 'desc' : 'asc',
    page: Number.parseInt(p.page ?? '1', 10) || 1,
  };
}
