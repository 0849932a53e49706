import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { signedInPage } from './pages/session';

// WCAG AA colour contrast on the main pages, in light and dark mode.
const PAGES = [
  '/',
  '/slos',
  '/slos/checkout-availability',
  '/catalog/services',
  '/toil/entries',
  '/toil/reports',
];

for (const scheme of ['light', 'dark'] as const) {
  test(`main pages have no serious contrast violations (${scheme})`, async ({ browser }) => {
    test.setTimeout(240_000);
    const page = await signedInPage(browser, 'admin');
    await page.emulateMedia({ colorScheme: scheme });
    await page.evaluate((s) => {
      localStorage.setItem('theme', s);
    }, scheme);
    const problems: string[] = [];
    for (const path of PAGES) {
      await page.goto(path);
      await expect(page.locator('main')).toBeVisible();
      const result = await new AxeBuilder({ page }).withRules(['color-contrast']).analyze();
      for (const v of result.violations.filter((x) => x.impact === 'serious' || x.impact === 'critical'))
        for (const node of v.nodes)
          problems.push(`${path}: ${node.target.join(' ')} — ${node.failureSummary ?? ''}`);
    }
    expect(problems).toEqual([]);
  });
}
