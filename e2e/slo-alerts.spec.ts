import { expect, test } from '@playwright/test';
import { signedInPage } from './pages/session';

test.use({ timezoneId: 'UTC' });

const suffix = Date.now().toString(36);

test('a paging SLO shows its burn on the badge, freezes features with the fast-burn reason and lists the page', async ({
  browser,
  request,
}) => {
  const admin = await signedInPage(browser, 'admin');
  const mint = async (name: string, scope: string) => {
    await admin.goto('/settings/tokens');
    await admin.getByLabel('Name').fill(name);
    if (scope !== 'read') {
      await admin.getByRole('checkbox', { name: 'read' }).uncheck();
      await admin.getByRole('checkbox', { name: scope }).check();
    }
    await admin.getByRole('button', { name: 'Create token' }).click();
    const code = admin.getByTestId('new-token').locator('code');
    await expect(code).toHaveText(/^srep_/);
    return (await code.textContent()) as string;
  };
  const token = await mint(`alerts-${suffix}`, 'read');
  const writeToken = await mint(`alerts-write-${suffix}`, 'sli:write');

  // A fresh SLO burning at 30× right now: a clean day, then the last hour at 3 % errors.
  const slug = `e2e-paging-${suffix}`;
  const page = await signedInPage(browser, 'engineer');
  await page.goto('/slos/new');
  await page.getByLabel('Service').selectOption({ label: 'Checkout API' });
  await page.getByLabel('Name').fill(`E2E paging ${suffix}`);
  await page.getByLabel('Slug').fill(slug);
  await page.getByLabel('Target (%)').fill('99.9');
  await page.getByRole('button', { name: 'Create SLO' }).click();
  await expect(page).toHaveURL(new RegExp(`/slos/${slug}$`));
  const minute = Math.floor(Date.now() / 60_000) * 60_000;
  const samples = Array.from({ length: 1500 }, (_, i) => {
    const ts = minute - (1499 - i) * 60_000;
    return { ts: new Date(ts).toISOString(), good: i >= 1440 ? 970 : 1000, total: 1000 };
  });
  const pushed = await request.post(`/api/v1/slos/${slug}/samples`, {
    headers: { authorization: `Bearer ${writeToken}` },
    data: { samples },
  });
  expect(pushed.status()).toBe(200);

  await page.goto(`/slos/${slug}`);
  const badge = page.locator('[data-status][data-paging]').first();
  await expect(badge).toContainText(/· burning \d+(\.\d)?×/);
  await expect(page.getByTestId('tile-gate')).toContainText('Feature freeze: fast burn');
  await expect(page.getByTestId('tile-gate')).toContainText('a page alert is firing');

  const gate = await request.get(`/api/v1/slos/${slug}/gate?change=feature`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(gate.status()).toBe(423);
  expect((await gate.json()).reason).toMatch(/^Fast burn: a page alert is firing/);

  // The background evaluation (every 30 s) records the page: reload until it is listed.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId('alert-history')).toContainText(/firing\s*Page \(fast burn\)/, {
      timeout: 1_000,
    });
  }).toPass();
  const history = await request.get(`/api/v1/slos/${slug}/alerts`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(history.status()).toBe(200);
  const events = (await history.json()).events as { tier: number; severity: string; state: string }[];
  expect(events.some((e) => e.severity === 'page' && e.state === 'firing')).toBe(true);

  // The overview shows the burn beside the status too.
  await page.goto(`/slos?q=${slug}`);
  await expect(page.locator('[data-paging]').first()).toContainText('burning');

  // The recorded gate decision is listed.
  await page.goto(`/slos/${slug}`);
  await expect(page.getByTestId('gate-decisions')).toContainText(`token:alerts-${suffix}`);
  await page.screenshot({ path: 'test-results/alerts-detail-desktop.png', fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: 'test-results/alerts-detail-phone.png', fullPage: true });
  await admin.goto('/settings/alerts');
  await expect(admin.getByTestId('delivery-status')).toContainText('not configured');
  await admin.screenshot({ path: 'test-results/alerts-settings-desktop.png', fullPage: true });
});

test('typing 0.999 in the target field asks "did you mean 99.9 %?"', async ({ browser }) => {
  const page = await signedInPage(browser, 'engineer');
  await page.goto('/slos/new');
  await page.getByLabel('Target (%)').fill('0.999');
  await expect(page.locator('#target-error')).toContainText('did you mean 99.9 %?');
  await page.getByLabel('Target (%)').fill('40');
  await expect(page.locator('#target-error')).toContainText('40 %');
  await page.getByRole('checkbox', { name: /I mean 40 %/ }).check();
  await expect(page.locator('#target-error')).toHaveCount(0);
  await page.getByLabel('Target (%)').fill('99.9');
  await expect(page.locator('#target-error')).toHaveCount(0);
});
