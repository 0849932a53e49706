// The SLO overview's sort keys and the direction each one's first click sorts in. Pure, so the
// page (server), its refresh route and the client component share one definition.

export const OVERVIEW_SORTS = [
  'triage',
  'budget',
  'name',
  'service',
  'attainment',
  'burn',
  'burn6h',
  'status',
] as const;
export type OverviewSort = (typeof OVERVIEW_SORTS)[number];
export type OverviewDir = 'asc' | 'desc';

/**
 * The direction a header's first click sorts in, and the one a URL naming a sort but no `dir`
 * means: worst first. Least budget left and lowest attainment are ascending; highest burn and the
 * most severe status (depleted > critical > warning > no data > healthy) are descending; names A–Z.
 */
export const OVERVIEW_FIRST_DIR: Record<OverviewSort, OverviewDir> = {
  triage: 'asc',
  budget: 'asc',
  name: 'asc',
  service: 'asc',
  attainment: 'asc',
  burn: 'desc',
  burn6h: 'desc',
  status: 'desc',
};

/** The shown sort's direction: the URL's `dir` when valid, else the sort's first direction. */
export function overviewDir(sort: OverviewSort, dir: string | undefined): OverviewDir {
  return dir === 'asc' || dir === 'desc' ? dir : OVERVIEW_FIRST_DIR[sort];
}

/** Phone sort menu: the orders an on-call engineer picks from, worst first each. */
export const OVERVIEW_SORT_LABELS: Record<OverviewSort, string> = {
  triage: 'Needs attention first',
  budget: 'Least budget left',
  name: 'Name',
  service: 'Service',
  attainment: 'Lowest attainment',
  burn: 'Highest 1h burn',
  burn6h: 'Highest 6h burn',
  status: 'Worst status',
};
