import { expect, test } from '@playwright/test';
import { signedInPage } from './pages/session';

// Triage-first screens: home, hubs, statuses, delete flow. Each test signs in for itself.
const suffix = Date.now().toString(36);

test('home shows what needs attention, and the sidebar marks no built module as coming soon', async ({
  browser,
}) => {
  const page = await signedInPage(browser, 'viewer');
  await page.goto('/');
  await expect(page.getByTestId('home-firing')).toBeVisible();
  await expect(page.getByTestId('home-worst').getByRole('listitem').first()).toBeVisible();
  await expect(page.getByTestId('home-status')).toContainText('Healthy');
  await expect(page.getByTestId('home-toil')).toContainText('Data');
  const sidebar = page.getByRole('navigation', { name: 'Main' });
  await expect(sidebar.getByRole('link', { name: /Incidents/ })).toBeVisible();
  await expect(sidebar).not.toContainText('soon');
  await expect(sidebar.getByRole('link', { name: /^SLOs$/ })).toBeVisible();
  // Viewers do not see Settings.
  await expect(sidebar.getByRole('link', { name: 'Settings' })).toHaveCount(0);
});

test('unknown URLs answer 404 and pages above the role answer 403 inside the shell', async ({ browser }) => {
  const viewer = await signedInPage(browser, 'viewer');
  const missing = await viewer.goto(`/no-such-page-${suffix}`);
  expect(missing?.status()).toBe(404);
  const missingSlo = await viewer.goto(`/slos/no-such-slo-${suffix}`);
  expect(missingSlo?.status()).toBe(404);
  await expect(viewer.getByText('Not found')).toBeVisible();
  const forbidden = await viewer.goto('/settings/tokens');
  expect(forbidden?.status()).toBe(403);
  await expect(viewer.getByText('You do not have access to this page')).toBeVisible();
  // Inside the shell: the user menu is still there.
  await expect(viewer.getByRole('button', { name: 'User menu' })).toBeVisible();
});

test('the teams list counts each team’s services, and a team page lists services and members', async ({
  browser,
}) => {
  const page = await signedInPage(browser, 'viewer');
  await page.goto('/catalog/teams');
  const rows = page.locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  const counts = await rows.evaluateAll((trs) =>
    trs.map((tr) => Number((tr.querySelectorAll('td')[3]?.textContent ?? '').trim())),
  );
  expect(counts.some((n) => n > 0)).toBe(true);
  // Sorting by services, first click: most services first, and aria-sort says so.
  await page.getByRole('link', { name: 'Services' }).last().click();
  await expect(page).toHaveURL(/sort=services&dir=desc/);
  await expect(page.getByRole('columnheader', { name: 'Services' })).toHaveAttribute(
    'aria-sort',
    'descending',
  );
  const sorted = await rows.evaluateAll((trs) =>
    trs.map((tr) => Number((tr.querySelectorAll('td')[3]?.textContent ?? '').trim())),
  );
  expect(sorted).toEqual([...sorted].sort((a, b) => b - a));

  await rows.first().getByRole('link').first().click();
  await expect(page.getByTestId('team-services').getByRole('listitem').first()).toBeVisible();
  await expect(page.getByTestId('team-members')).toBeVisible();
});

test('a viewer’s service page is read-only and shows the service’s SLOs', async ({ browser }) => {
  const viewer = await signedInPage(browser, 'viewer');
  await viewer.goto('/catalog/services/checkout-api');
  await expect(viewer.getByTestId('service-slos').getByTestId('service-slo').first()).toBeVisible();
  await expect(viewer.getByTestId('service-details')).toBeVisible();
  await expect(viewer.getByRole('textbox')).toHaveCount(0);
  await expect(viewer.getByRole('button', { name: 'Save changes' })).toHaveCount(0);
});

test('deleting an SLO lands on the list with a "deleted" toast', async ({ browser }) => {
  const admin = await signedInPage(browser, 'admin');
  const slug = `e2e-delete-${suffix}`;
  await admin.goto('/slos/new');
  await admin.getByLabel('Service').selectOption({ label: 'Checkout API' });
  await admin.getByLabel('Name').fill(`Delete me ${suffix}`);
  await admin.getByLabel('Slug').fill(slug);
  await admin.getByLabel('Target (%)').fill('99');
  await admin.getByRole('button', { name: 'Create SLO' }).click();
  await expect(admin).toHaveURL(new RegExp(`/slos/${slug}$`));
  await admin.getByRole('button', { name: 'Delete' }).click();
  await admin.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(admin).toHaveURL(/\/slos$/);
  await expect(admin.getByText(`SLO Delete me ${suffix} deleted`)).toBeVisible();
  await expect(admin.getByText('Not found')).toHaveCount(0);
});

test('the audit log names entities', async ({ browser }) => {
  const admin = await signedInPage(browser, 'admin');
  await admin.goto('/settings/audit?entity=service');
  await expect(admin.locator('tbody tr').first()).toContainText(/Service \S/);
});

// ---------------------------------------------------------------- the SLO overview

/** The numbers of one overview column (its cells' data-col), '—' as null. */
async function columnNumbers(page: import('@playwright/test').Page, col: string): Promise<(number | null)[]> {
  return page.getByTestId('slo-row').evaluateAll(
    (trs, c) =>
      trs.map((tr) => {
        const cell = tr.querySelector(`td[data-col="${c}"]`);
        // The budget cell carries its exact fraction; other cells are read as shown ("26.1×").
        const bar = cell?.querySelector('[data-testid="budget-bar"]');
        if (bar) {
          const exact = bar.getAttribute('data-remaining');
          return exact ? Number(exact) : null;
        }
        const text = (cell?.textContent ?? '').replace(/[^\d.-]/g, '');
        return text === '' ? null : Number(text);
      }),
    col,
  );
}

test('overview headers: the first click sorts worst first and aria-sort tells the truth', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const page = await signedInPage(browser, 'viewer');
  await page.goto('/slos');
  const burnHeader = page.getByRole('columnheader', { name: 'Burn 1h' });
  // The default triage order names no column.
  await expect(burnHeader).not.toHaveAttribute('aria-sort', /.+/);

  await burnHeader.getByRole('link').click();
  await expect(page).toHaveURL(/sort=burn&dir=desc/);
  await expect(burnHeader).toHaveAttribute('aria-sort', 'descending');
  const desc = await columnNumbers(page, 'burn1h');
  const known = desc.filter((v): v is number => v !== null);
  expect(known).toEqual([...known].sort((a, b) => b - a));
  // No data sorts last, not first.
  expect(desc.slice(known.length).every((v) => v === null)).toBe(true);

  await burnHeader.getByRole('link').click();
  await expect(page).toHaveURL(/sort=burn&dir=asc/);
  await expect(burnHeader).toHaveAttribute('aria-sort', 'ascending');
  const asc = (await columnNumbers(page, 'burn1h')).filter((v): v is number => v !== null);
  expect(asc).toEqual([...asc].sort((a, b) => a - b));

  // Budget left: least first is the natural first click, and it is ascending.
  const budgetHeader = page.getByRole('columnheader', { name: 'Budget left' });
  await budgetHeader.getByRole('link').click();
  await expect(page).toHaveURL(/sort=budget&dir=asc/);
  await expect(budgetHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(burnHeader).not.toHaveAttribute('aria-sort', /.+/);
  const budgets = (await columnNumbers(page, 'budget')).filter((v): v is number => v !== null);
  expect(budgets.length).toBeGreaterThan(1);
  expect(budgets).toEqual([...budgets].sort((a, b) => a - b));
  // The demo's overspent SLO leads: less than nothing left.
  expect(budgets[0]).toBeLessThan(0);

  // Status: worst first is descending severity.
  const statusHeader = page.getByRole('columnheader', { name: 'Status' });
  await statusHeader.getByRole('link').click();
  await expect(page).toHaveURL(/sort=status&dir=desc/);
  await expect(statusHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(page.getByTestId('slo-row').first().locator('[data-status]')).toHaveAttribute(
    'data-status',
    'depleted',
  );
});

test('a failed live refresh says "Stale since HH:MM — retrying" and clears itself when one succeeds', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const page = await signedInPage(browser, 'viewer');
  await page.clock.install();
  await page.goto('/slos');
  const state = page.getByTestId('refresh-state');
  await expect(state).toContainText('Live');
  const banner = page.getByTestId('stale-banner');
  await expect(banner).toHaveCount(0);

  const refreshRoute = (url: URL) => url.pathname === '/api/ui/slos';
  await page.route(refreshRoute, (route) => route.fulfill({ status: 503, body: 'Service Unavailable' }));
  // The next periodic refresh (every 30 s) fails.
  await page.clock.fastForward(31_000);
  await expect(banner).toBeVisible();
  await expect(banner).toContainText(/Stale since \d{2}:\d{2} UTC — retrying/);
  await expect(state).toContainText('Stale');
  await expect(state).not.toContainText('Live');
  // The last good numbers stay on screen.
  await expect(page.getByTestId('slo-row').first()).toBeVisible();

  // The server recovers: the next refresh (a retry or the next interval) clears the banner.
  await page.unroute(refreshRoute);
  await page.clock.fastForward(31_000);
  await expect(banner).toHaveCount(0, { timeout: 15_000 });
  await expect(state).toContainText('Live');
});

test('an overspent budget reads as overspent, not as an empty bar', async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await signedInPage(browser, 'viewer');
  // The demo's depleted SLO spent more than its whole budget.
  await page.goto('/slos?sort=budget&dir=asc');
  const first = page.getByTestId('slo-row').first();
  const bar = first.getByTestId('budget-bar');
  await expect(bar).toHaveAttribute('data-overspent', 'true');
  await expect(bar).toContainText(/overspent by \d+(\.\d)?%/);
  // A full red bar, not an empty grey one.
  const fill = bar.getByTestId('budget-fill');
  const [fillWidth, trackWidth] = await fill.evaluate((el) => [
    el.getBoundingClientRect().width,
    (el.parentElement as HTMLElement).getBoundingClientRect().width,
  ]);
  expect(fillWidth).toBeGreaterThan(0);
  expect(fillWidth).toBeCloseTo(trackWidth, 0);
  await expect(first).toContainText(/over a .* budget/);
  // The same bar on the home page's least-budget list.
  await page.goto('/');
  await expect(page.getByTestId('home-worst').locator('[data-overspent]').first()).toContainText(
    'overspent by',
  );
});

test('zero status counts are neutral, non-zero ones carry their colour', async ({ browser }) => {
  const page = await signedInPage(browser, 'viewer');
  await page.goto('/slos');
  // Make the refresh answer "0 critical" (the demo has one critical SLO) and refresh.
  await page.route(
    (url) => url.pathname === '/api/ui/slos',
    async (route) => {
      const res = await route.fetch();
      const body = await res.json();
      body.summary.byStatus.critical = 0;
      await route.fulfill({ response: res, json: body });
    },
  );
  await page.getByRole('button', { name: 'Refresh now' }).click();
  const counts = page.getByTestId('status-counts');
  const critical = counts.locator('[data-status="critical"]');
  await expect(critical).toHaveText('0 critical');
  const colours = await counts.evaluate((el) => {
    const of = (s: string) => getComputedStyle(el.querySelector(`[data-status="${s}"]`) as Element).color;
    return { parent: getComputedStyle(el).color, critical: of('critical'), healthy: of('healthy') };
  });
  expect(colours.critical).toBe(colours.parent);
  expect(colours.healthy).not.toBe(colours.parent);
});

test('service tiers and alert tiers read differently everywhere', async ({ browser }) => {
  const page = await signedInPage(browser, 'viewer');
  // Visible text only (innerText): "T1" nowhere, whether service or alert tier.
  const noBareTier = async () =>
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a reader sees
    expect(await page.locator('main').innerText()).not.toMatch(/\bT[0-4]\b/);

  await page.goto('/slos');
  await expect(page.getByTestId('slo-row').first().locator('[data-service-tier]')).toHaveText(
    /^Tier \d( \(critical\))?$/,
  );
  // Firing alerts are named by what they do. Whether the demo pages right now depends on its live
  // data, so the refresh answers with a page and a ticket firing on the first SLO.
  await page.route(
    (url) => url.pathname === '/api/ui/slos',
    async (route) => {
      const res = await route.fetch();
      const body = await res.json();
      body.rows[0].firing = [
        { tier: 1, severity: 'page' },
        { tier: 3, severity: 'ticket' },
      ];
      await route.fulfill({ response: res, json: body });
    },
  );
  await page.getByRole('button', { name: 'Refresh now' }).click();
  const alerts = page.getByTestId('slo-row').first().locator('[data-alert-tier]');
  await expect(alerts).toHaveText(['Page (fast burn)', 'Ticket (fast burn)']);
  await noBareTier();

  await page.goto('/slos/checkout-availability');
  await expect(page.getByTestId('alert-tier-1')).toContainText('Page (fast burn)');
  await expect(page.getByTestId('alert-tier-2')).toContainText('Page (slow burn)');
  await expect(page.getByTestId('alert-tier-3')).toContainText('Ticket (fast burn)');
  await expect(page.getByTestId('alert-tier-4')).toContainText('Ticket (slow burn)');
  await noBareTier();

  await page.goto('/catalog/services/checkout-api');
  await expect(page.locator('[data-service-tier]').first()).toHaveText('Tier 0 (critical)');
  await noBareTier();
});

test('the overview has a "clear filters" control', async ({ browser }) => {
  const page = await signedInPage(browser, 'viewer');
  await page.goto('/slos?q=zzz-no-such-slo&status=healthy');
  await expect(page.getByText('No SLOs match these filters')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page).not.toHaveURL(/q=|status=/);
  await expect(page.getByTestId('slo-row').first()).toBeVisible();
  await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue('');
});
