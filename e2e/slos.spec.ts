import { expect, test } from '@playwright/test';
import { LoginPage, signedInPage } from './pages/session';

test.use({ timezoneId: 'UTC' });

const suffix = Date.now().toString(36);
const slug = `e2e-checkout-${suffix}`;

/** datetime-local value (UTC, the context's zone) for `minutesAgo` minutes before now. */
const localMinutesAgo = (minutesAgo: number) =>
  new Date(Date.now() - minutesAgo * 60_000).toISOString().slice(0, 16);
const minuteAgoIso = (m: number) =>
  new Date(Math.floor(Date.now() / 60_000) * 60_000 - m * 60_000).toISOString();

test('an SLO from the form, fed through the API, burns its budget, is corrected, filtered and gated', async ({
  browser,
  request,
}) => {
  // The admin mints the tokens the "CI pipeline" uses.
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
  const writeToken = await mint(`ingest-${suffix}`, 'sli:write');
  const readToken = await mint(`gate-${suffix}`, 'read');

  // An engineer creates the SLO, tripping the live validation first.
  const page = await signedInPage(browser, 'engineer');
  await page.goto('/slos/new');
  await page.getByLabel('Service').selectOption({ label: 'Checkout API' });
  await page.getByLabel('Name').fill(`E2E checkout ${suffix}`);
  await page.getByLabel('Slug').fill(slug);
  await page.getByLabel('Target (%)').fill('100');
  await expect(page.locator('#target-error')).toContainText('a 100% target leaves no error budget');
  await page.getByLabel('Target (%)').fill('99');
  await expect(page.locator('#target-error')).toHaveCount(0);
  await page.getByLabel('Window').selectOption('rolling:7');
  await page.getByRole('button', { name: 'Create SLO' }).click();
  await expect(page).toHaveURL(new RegExp(`/slos/${slug}$`));
  await expect(page.getByTestId('tile-budget')).toContainText('—');

  // Samples arrive through the machine API: all good first.
  const push = (samples: unknown[], token = writeToken) =>
    request.post(`/api/v1/slos/${slug}/samples`, {
      headers: { authorization: `Bearer ${token}` },
      data: { samples },
    });
  const good = Array.from({ length: 60 }, (_, i) => ({ ts: minuteAgoIso(120 - i), good: 1000, total: 1000 }));
  const res = await push(good);
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ accepted: 60 });
  expect((await push(good, readToken)).status()).toBe(403);
  await page.reload();
  await expect(page.getByTestId('tile-budget')).toContainText('100.0%');
  await expect(page.getByText('Healthy').first()).toBeVisible();

  // Ten bad minutes (50% errors) 30 to 21 minutes ago: 5,000 bad of 70,000 events is far over a 1% budget.
  const bad = Array.from({ length: 10 }, (_, i) => ({ ts: minuteAgoIso(30 - i), good: 500, total: 1000 }));
  expect((await push(bad)).status()).toBe(200);
  await page.reload();
  await expect(page.getByTestId('tile-budget')).toContainText('-614.3%');
  await expect(page.getByText('Depleted').first()).toBeVisible();
  await expect(page.getByTestId('tile-gate')).toContainText('Feature freeze');

  // The deploy gate refuses a feature with 423 and allows an emergency.
  const gate = (change: string) =>
    request.get(`/api/v1/slos/${slug}/gate?change=${change}`, {
      headers: { authorization: `Bearer ${readToken}` },
    });
  const refused = await gate('feature');
  expect(refused.status()).toBe(423);
  expect(await refused.json()).toMatchObject({ allowed: false, status: 'depleted' });
  expect((await gate('emergency')).status()).toBe(200);

  // The overview finds it by status filter and search, sorted least budget first.
  await page.goto(`/slos?status=depleted&q=${suffix}`);
  await expect(page.getByTestId('slo-row')).toHaveCount(1);
  await expect(page.getByTestId('slo-row')).toContainText(`E2E checkout ${suffix}`);
  await page.goto('/slos?status=depleted');
  const firstRows = page.getByTestId('slo-row');
  await expect(firstRows.first()).toBeVisible();
  await page.getByRole('link', { name: 'SLO', exact: true }).click();
  await expect(page).toHaveURL(/sort=name&dir=asc/);
  await expect(page).toHaveURL(/status=depleted/);

  // A correction over the bad minutes gives the budget back.
  await page.goto(`/slos/${slug}`);
  await page.getByLabel('From', { exact: true }).fill(localMinutesAgo(35));
  await page.getByLabel('To', { exact: true }).fill(localMinutesAgo(15));
  await page.getByLabel('Reason').fill('Load test against production, agreed in CHG-42');
  await page.getByRole('button', { name: 'Add correction' }).click();
  await expect(page.getByTestId('corrections')).toContainText('CHG-42');
  await page.reload();
  await expect(page.getByTestId('tile-budget')).toContainText('100.0%');
  await expect(page.getByText('Healthy').first()).toBeVisible();
  await expect(page.getByTestId('gate-decisions')).toContainText(`token:gate-${suffix}`);
});

test('a viewer reads SLOs but gets no edit controls', async ({ page }) => {
  await new LoginPage(page).signInAs('viewer');
  await page.goto('/slos');
  await expect(page.getByRole('link', { name: 'New SLO' })).toHaveCount(0);
  await expect(page.getByTestId('slo-row').first()).toBeVisible();
  await page.getByTestId('slo-row').first().getByRole('link').first().click();
  await expect(page.getByTestId('tile-budget')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Edit' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Add correction' })).toHaveCount(0);
});
