// The toil entry list's URL state (?q=&team=&category=&who=me&from=&to=&sort=&dir=&page=), read by
// the entries page and by the CSV/JSON export of the same filter.

import { ENTRY_SORTS, type EntryFilter } from '@/db/toil/entry-list';
import { oneOf } from '@/lib/search-params';
import { isCalendarDate } from '@/lib/toil/periods';
import { MAX_PAGE } from '@/lib/validation/params';

export function parseEntryQuery(
  p: Record<string, string | undefined>,
  viewer: { userId: string; visibleTeamIds: EntryFilter['visibleTeamIds'] },
): { filter: EntryFilter; page: number } {
  const date = (value: string | undefined) => (value && isCalendarDate(value) ? value : undefined);
  return {
    filter: {
      visibleTeamIds: viewer.visibleTeamIds,
      team: p.team || undefined,
      category: p.category || undefined,
      q: p.q || undefined,
      from: date(p.from),
      to: date(p.to),
      userId: p.who === 'me' ? viewer.userId : undefined,
      sort: oneOf(p.sort, ENTRY_SORTS),
      dir: p.dir === 'desc' ? 'desc' : p.dir === 'asc' ? 'asc' : undefined,
    },
    page: Math.min(MAX_PAGE, Math.max(1, Number.parseInt(p.page ?? '1', 10) || 1)),
  };
}
