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
