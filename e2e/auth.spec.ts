import { expect, test } from '@playwright/test';
import { ACCOUNTS, LoginPage } from './pages/session';

test('health endpoint answers 200 without a session', async ({ request }) => {
  const res = await request.get('/api/health');
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ status: 'ok' });
  expect(res.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(res.headers()['referrer-policy']).toBe('strict-origin-when-cross-origin');
});

test('pages redirect to sign-in without a session', async ({ page }) => {
  await page.goto('/catalog/services');
  await expect(page).toHaveURL(/\/login/);
});

test('a wrong password gets a generic message that does not reveal whether the user exists', async ({
  page,
}) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn('nobody@demo.sre', 'wrong-password');
  await expect(page.getByRole('alert').filter({ hasText: /\w/ })).toHaveText('Invalid email or password');
  await page.reload();
  await login.signIn(ACCOUNTS.viewer.email, 'wrong-password');
  await expect(page.getByRole('alert').filter({ hasText: /\w/ })).toHaveText('Invalid email or password');
  await expect(page).toHaveURL(/\/login/);
});

for (const role of ['admin', 'engineer', 'viewer'] as const) {
  test(`${role} signs in, sees the portal and signs out`, async ({ page }) => {
    await new LoginPage(page).signInAs(role);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(
      `Welcome, ${ACCOUNTS[role].name.split(' ')[0]}`,
    );
    await expect(
      page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'SLOs' }),
    ).toBeVisible();
    await page.getByRole('button', { name: 'User menu' }).click();
    await expect(page.getByText(`Role: ${role}`)).toBeVisible();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto('/');
    await expect(page).toHaveURL(/\/login/);
  });
}
