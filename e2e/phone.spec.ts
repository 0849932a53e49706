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

test('the SLO overview is a list of cards on a phone: name, status, budget and burn without sideways scrolling', async ({
  browser,
}) => {
  const page = await signedInPage(browser, 'viewer');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/slos');
  const cards = page.getByTestId('slo-card');
  await expect(cards.first()).toBeVisible();
  // No table, not even a squeezed one.
  await expect(page.getByRole('table')).toHaveCount(0);
  await expect(page.getByTestId('slo-table')).toBeHidden();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  const count = await cards.count();
  expect(count).toBeGreaterThan(3);
  for (let i = 0; i < Math.min(count, 6); i++) {
    const card = cards.nth(i);
    await expect(card.getByRole('link').first()).toBeVisible();
    await expect(card.locator('[data-status]').first()).toBeVisible();
    await expect(card.getByTestId('budget-bar')).toBeVisible();
    await expect(card.getByTestId('card-burn')).toBeVisible();
    const box = await card.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
    for (const part of [
      card.getByTestId('budget-bar'),
      card.getByTestId('card-burn'),
      card.locator('[data-status]').first(),
    ]) {
      const b = await part.boundingBox();
      expect(b && b.x + b.width <= 390).toBe(true);
    }
  }

  // The headers are gone, so the order is picked from a menu: highest burn first.
  await page.getByLabel('Sort', { exact: true }).selectOption({ label: 'Highest 1h burn' });
  await expect(page).toHaveURL(/sort=burn&dir=desc/);
  const burns = await page.getByTestId('card-burn').evaluateAll((els) =>
    els
      .map((e) => (e.textContent ?? '').replace(/[^\d.]/g, ''))
      .filter(Boolean)
      .map(Number),
  );
  expect(burns).toEqual([...burns].sort((a, b) => b - a));
});
