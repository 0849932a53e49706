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
});
