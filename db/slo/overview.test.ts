import { describe, expect, it } from 'vitest';
import { type OverviewRow, queryOverview } from './overview';

const row = (over: Partial<OverviewRow>): OverviewRow => ({
  slug: 's',
  name: 'S',
  serviceSlug: 'svc',
  serviceName: 'Svc',
  teamSlug: 'team',
  teamName: 'Team',
  tags: [],
  tier: 1,
  target: 0.999,
  windowLabel: '30 days',
  method: 'occurrences',
  attainment: 0.9995,
  remaining: 0.5,
  budgetTotal: 10,
  budgetConsumed: 5,
  budgetUnit: 'events',
  status: 'healthy',
  pagingBurn: null,
  burn1h: 1,
  burn6h: 1,
  firing: [],
  trend: [],
  trendFrom: 0,
  ...over,
});

describe('overview triage', () => {
  const rows = [
    row({ slug: 'no-data', name: 'A no data', remaining: null, status: 'unknown' }),
    row({ slug: 'low', name: 'B low budget', remaining: 0.02, status: 'depleted' }),
    row({ slug: 'ticket', name: 'C ticket', remaining: 0.6, firing: [{ tier: 3, severity: 'ticket' }] }),
    row({
      slug: 'page',
      name: 'D paging',
      remaining: 0.9,
      firing: [{ tier: 1, severity: 'page' }],
      pagingBurn: 30,
    }),
    row({ slug: 'fine', name: 'E fine', remaining: 0.8 }),
  ];

  it('puts firing pages first, then tickets, then least budget, no data last', () => {
    expect(queryOverview(rows, {}).rows.map((r) => r.slug)).toEqual([
      'page',
      'ticket',
      'low',
      'fine',
      'no-data',
    ]);
  });

  it('searches SLO name, slug, service, team and tags', () => {
    const tagged = [
      ...rows,
      row({
        slug: 'x',
        name: 'Checkout',
        serviceSlug: 'payments-processor',
        teamName: 'Storefront',
        tags: ['edge'],
      }),
    ];
    for (const q of ['payments-processor', 'Storefront', 'edge', 'checkout'])
      expect(
        queryOverview(tagged, { q }).rows.map((r) => r.slug),
        q,
      ).toEqual(['x']);
  });

  it('sorts by what dir says, worst first when the URL names no dir, no data last both ways', () => {
    const burns = [
      row({ slug: 'none', name: 'none', burn1h: null, remaining: null, status: 'unknown' }),
      row({ slug: 'low', name: 'low', burn1h: 0.5, remaining: 0.9 }),
      row({ slug: 'high', name: 'high', burn1h: 20, remaining: -0.23, status: 'depleted' }),
      row({ slug: 'mid', name: 'mid', burn1h: 2, remaining: 0.3, status: 'warning' }),
    ];
    const order = (q: Parameters<typeof queryOverview>[1]) => queryOverview(burns, q).rows.map((r) => r.slug);
    // Burn: a bare ?sort=burn and the first header click (dir=desc) show the highest burn first.
    expect(order({ sort: 'burn' })).toEqual(['high', 'mid', 'low', 'none']);
    expect(order({ sort: 'burn', dir: 'desc' })).toEqual(['high', 'mid', 'low', 'none']);
    expect(order({ sort: 'burn', dir: 'asc' })).toEqual(['low', 'mid', 'high', 'none']);
    // Budget: least left (overspent) first; ascending is what aria-sort says.
    expect(order({ sort: 'budget' })).toEqual(['high', 'mid', 'low', 'none']);
    expect(order({ sort: 'budget', dir: 'desc' })).toEqual(['low', 'mid', 'high', 'none']);
    // Status: descending severity puts depleted first, healthy last.
    expect(order({ sort: 'status' })).toEqual(['high', 'mid', 'none', 'low']);
    expect(order({ sort: 'status', dir: 'asc' })).toEqual(['low', 'none', 'mid', 'high']);
  });
});
