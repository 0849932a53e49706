import { expect, test } from '@playwright/test';
import { signedInPage } from './pages/session';

// At 390 × 844 (a phone) no page may scroll sideways.
const PAGES = [
  '/',
  '/slos',
  '/slos/checkout-availability',
  '/slos/new',
  '/catalog/services',
  '/catalog/services/checkout-api',
  '/catalog/teams',
  '/toil',
  '/toil/entries',
  '/toil/reports',
  '/toil/import',
  '/toil/settings',
  '/settings',
  '/settings/users',
  '/settings/tokens',
  '/settings/audit',
  '/settings/prometheus',
  '/incidents',
];

test('no page scrolls sideways on a 390 px phone', async ({ browser }) => {
  test.setTimeout(240_000);
  const page = await signedInPage(browser, 'admin');
  await page.setViewportSize({ width: 390, height: 844 });
  const wide: string[] = [];
  for (const path of PAGES) {
    await page.goto(path);
    await expect(page.locator('main')).toBeVisible();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > 390) wide.push(`${path}: ${width}px`);
  }
  expect(wide).toEqual([]);
});

test('lists become cards on a phone: the services list shows name, tier and owner without a table header row', async ({
  browser,
}) => {
  const page = await signedInPage(browser, 'viewer');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/catalog/services');
  const first = page.locator('tbody tr').first();
  await expect(first).toBeVisible();
  await expect(first).toHaveCSS('display', 'block');
  await expect(first.locator('td[data-label="Tier"]')).toContainText('Tier');
});
