import { expect, test } from '@playwright/test';
import { LoginPage, signedInPage } from './pages/session';

const suffix = Date.now().toString(36);

test('admin creates a team, a service, a user and a token (shown once)', async ({ page }) => {
  await new LoginPage(page).signInAs('admin');

  await page.goto('/catalog/teams/new');
  await page.getByLabel('Name').fill(`Reliability ${suffix}`);
  await page.getByLabel('Slug').fill(`reliability-${suffix}`);
  await page.getByLabel('Weekly working hours per member').fill('36');
  await page.getByRole('checkbox', { name: /Erin Engineer/ }).check();
  await page.getByRole('button', { name: 'Create team' }).click();
  await expect(page).toHaveURL(new RegExp(`/catalog/teams/reliability-${suffix}$`));
  await expect(page.getByText('1 member · 36 h per member per week')).toBeVisible();

  await page.goto('/catalog/services/new');
  await page.getByLabel('Name').fill(`Ledger ${suffix}`);
  await page.getByLabel('Slug').fill(`ledger-${suffix}`);
  await page.getByLabel('Tier').selectOption('1');
  await page.getByLabel('Owner team').selectOption({ label: `Reliability ${suffix}` });
  await page.getByLabel('Tags').fill('finance, core');
  await page.getByRole('button', { name: 'Create service' }).click();
  await expect(page).toHaveURL(new RegExp(`/catalog/services/ledger-${suffix}$`));
  await expect(page.getByText(`owned by Reliability ${suffix}`)).toBeVisible();

  await page.goto('/settings/users');
  await page.getByLabel('Name').fill('Nina New');
  await page.getByLabel('Email').fill(`nina-${suffix}@demo.sre`);
  await page.getByLabel('Role').first().selectOption('engineer');
  await page.getByLabel('Password').fill('a-long-password-1');
  await page.getByRole('button', { name: 'Add user' }).click();
  await expect(page.getByRole('cell', { name: new RegExp(`nina-${suffix}@demo.sre`) })).toBeVisible();

  await page.goto('/settings/tokens');
  await page.getByLabel('Name').fill(`ci-${suffix}`);
  await page.getByRole('checkbox', { name: 'sli:write' }).check();
  await page.getByRole('button', { name: 'Create token' }).click();
  const secret = page.getByTestId('new-token').locator('code');
  await expect(secret).toHaveText(/^srep_/);
  const token = await secret.textContent();
  await expect(page.getByRole('cell', { name: new RegExp(`ci-${suffix}`) })).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('new-token')).toHaveCount(0);
  expect(await page.content()).not.toContain(token ?? 'x');

  await page.goto('/settings/audit');
  await expect(page.getByText('token.create').first()).toBeVisible();
});

test('bad form input shows a message next to each field', async ({ page }) => {
  await new LoginPage(page).signInAs('engineer');
  await page.goto('/catalog/services/new');
  await page.getByLabel('Name').fill('');
  await page.getByLabel('Slug').fill('Not A Slug!');
  await page.getByRole('button', { name: 'Create service' }).click();
  await expect(page.locator('#slug-error')).toContainText('Lowercase letters, digits and single dashes only');
  await expect(page.locator('#name-error')).toContainText('Name is required');
  // The typed text survives the round trip.
  await expect(page.getByLabel('Slug')).toHaveValue('Not A Slug!');
  await expect(page).toHaveURL(/\/catalog\/services\/new$/);
});

test('an engineer edits a service; a viewer sees no edit controls and a forged action is refused', async ({
  browser,
}) => {
  const engineer = await signedInPage(browser, 'engineer');
  await engineer.goto('/catalog/services/search-api');
  await engineer.getByLabel('Description').fill(`Edited by the engineer ${suffix}`);
  const posted = engineer.waitForRequest((r) => r.method() === 'POST' && Boolean(r.headers()['next-action']));
  await engineer.getByRole('button', { name: 'Save changes' }).click();
  const actionRequest = await posted;
  await expect(engineer.getByText('Service Search API saved')).toBeVisible();
  await engineer.reload();
  await expect(engineer.getByLabel('Description')).toHaveValue(`Edited by the engineer ${suffix}`);

  const viewer = await signedInPage(browser, 'viewer');
  await viewer.goto('/catalog/services');
  await expect(viewer.getByRole('link', { name: 'New service' })).toHaveCount(0);
  await viewer.goto('/catalog/services/search-api');
  // A viewer reads the service as a page, not as a greyed-out form.
  await expect(viewer.getByTestId('service-details')).toContainText(`Edited by the engineer ${suffix}`);
  await expect(viewer.getByTestId('service-slos')).toBeVisible();
  await expect(viewer.getByRole('textbox')).toHaveCount(0);
  await expect(viewer.getByRole('button', { name: 'Save changes' })).toHaveCount(0);
  await expect(viewer.getByRole('button', { name: 'Delete' })).toHaveCount(0);

  // Replay the engineer's server-action request with the viewer's session cookie, with a new description.
  const body = (actionRequest.postDataBuffer() ?? Buffer.alloc(0))
    .toString('latin1')
    .replace(`Edited by the engineer ${suffix}`, 'FORGED BY VIEWER');
  const headers = { ...actionRequest.headers() };
  delete headers.cookie;
  const res = await viewer.request.post(actionRequest.url(), { headers, data: Buffer.from(body, 'latin1') });
  expect(res.status()).toBeLessThan(500);
  expect(await res.text()).toContain('needs the engineer role');
  await viewer.reload();
  await expect(viewer.getByTestId('service-details')).toContainText(`Edited by the engineer ${suffix}`);
  await expect(viewer.getByTestId('service-details')).not.toContainText('FORGED BY VIEWER');

  // A viewer cannot open admin pages either.
  const forbidden = await viewer.goto('/settings/tokens');
  expect(forbidden?.status()).toBe(403);
  await expect(viewer.getByText('You do not have access to this page')).toBeVisible();
});
