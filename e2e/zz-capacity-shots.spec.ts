import { test } from '@playwright/test';
import { LoginPage } from './pages/session';

test.use({ timezoneId: 'UTC' });
test.setTimeout(180_000);

test('screenshots', async ({ page }) => {
  await new LoginPage(page).signInAs('engineer');
  for (const [w, h, tag] of [
    [1400, 1000, 'desktop'],
    [390, 844, 'phone'],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.goto('/capacity');
    await page.screenshot({ path: `/tmp/cap-shots/overview-${tag}.png`, fullPage: true });
    await page.goto('/capacity/checkout-db-connections');
    await page.getByRole('img', { name: /forecast, its 95% interval/ }).waitFor();
    await page.waitForTimeout(1000);
    await page.screenshot({ path: `/tmp/cap-shots/detail-${tag}.png`, fullPage: true });
    await page.goto('/capacity/new');
    await page.screenshot({ path: `/tmp/cap-shots/new-${tag}.png`, fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.setViewportSize({ width: 1400, height: 1000 });
  await page.goto('/capacity/web-rps');
  await page.getByRole('img', { name: /forecast, its 95% interval/ }).waitFor();
  await page.waitForTimeout(1000);
  await page.screenshot({ path: `/tmp/cap-shots/detail-dark.png`, fullPage: true });
});
