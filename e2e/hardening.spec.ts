// Hardening (issue 9) over HTTP against the production server: the sign-in route
// (/api/auth/[...nextauth], which only runs inside Next's request scope, so the Vitest
// sweep leaves it to this file), redirects, CSP nonces, cache headers, sign-out and
// foreign-origin server actions.
import { expect, test } from '@playwright/test';
import { ACCOUNTS, LoginPage } from './pages/session';

const LEAK = /Failed query|select .* from|params:|login_failures|stack|TypeError/i;

test('the sign-in route /api/auth/[...nextauth] refuses hostile input without a 5xx or SQL text (items 3, 8)', async ({
  request,
}) => {
  const csrf = (await (await request.get('/api/auth/csrf')).json()).csrfToken as string;
  const bodies: Record<string, string>[] = [
    { email: 'a\u0000@demo.sre', password: 'x' },
    { email: `${'a'.repeat(5000)}@demo.sre`, password: 'x'.repeat(5000) },
    { email: 'admin@demo.sre', password: '\u0000' },
    { email: '', password: '' },
    { email: "x' or 1=1--", password: "' or '1'='1" },
  ];
  for (const body of bodies) {
    const res = await request.post('/api/auth/callback/credentials', {
      form: { ...body, csrfToken: csrf, json: 'true' },
      maxRedirects: 0,
    });
    expect(res.status(), JSON.stringify(body).slice(0, 80)).toBeLessThan(500);
    expect(await res.text()).not.toMatch(LEAK);
    const location = res.headers().location ?? '';
    expect(decodeURIComponent(location)).not.toMatch(LEAK);
  }
  for (const path of [
    '/api/auth/%00',
    '/api/auth/callback/%C0%AE',
    '/api/auth/error?error=%00',
    '/api/auth/signin?callbackUrl=%2F%5Cevil.example',
    '/api/auth/session?x=%00',
  ]) {
    const res = await request.get(path, { maxRedirects: 0 });
    expect(res.status(), path).toBeLessThan(500);
    expect(await res.text()).not.toMatch(LEAK);
  }
});

test('a NUL email on the login form shows a plain message, not SQL (item 3)', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await page.getByLabel('Email').evaluate((el: HTMLInputElement) => {
    el.type = 'text';
  });
  await login.signIn('admin\u0000@demo.sre', 'whatever');
  const alert = page.getByRole('alert').filter({ hasText: /\w/ });
  await expect(alert).toHaveText(/invalid email or password|try again/i);
  await expect(alert).not.toContainText(/select|query|params/i);
});

test('open redirect after sign-in: /\\host and /%09/host stay on the portal (item 2)', async ({
  page,
  baseURL,
}) => {
  for (const callback of ['%2F%5C127.0.0.1%3A9%2Fphish', '/%09/127.0.0.1:9/phish']) {
    await page.context().clearCookies();
    await page.goto(`/login?callbackUrl=${callback}`);
    await new LoginPage(page).signIn(ACCOUNTS.viewer.email, ACCOUNTS.viewer.password);
    await expect(page.getByRole('button', { name: 'User menu' })).toBeVisible({ timeout: 45_000 });
    expect(new URL(page.url()).origin).toBe(new URL(baseURL ?? '').origin);
  }
});

test('hardening gaps: nonce CSP, no-store API, server-side sign-out, foreign Origin 403 (item 13)', async ({
  page,
  request,
  baseURL,
}) => {
  const res = await page.goto('/login');
  const csp = res?.headers()['content-security-policy'] ?? '';
  expect(csp).toMatch(/script-src 'self' 'nonce-/);
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);

  const api = await request.get('/api/v1/slos');
  expect(api.headers()['cache-control']).toContain('no-store');

  // The page hydrates under the nonce policy: signing in (client-side JavaScript) works.
  await new LoginPage(page).signIn(ACCOUNTS.viewer.email, ACCOUNTS.viewer.password);
  await expect(page.getByRole('button', { name: 'User menu' })).toBeVisible({ timeout: 45_000 });
  const cookies = await page.context().cookies();
  const cookieHeader = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  expect((await request.get('/api/ui/slos', { headers: { cookie: cookieHeader } })).status()).toBe(200);

  await page.getByRole('button', { name: 'User menu' }).click();
  await page.getByRole('menuitem', { name: /sign out/i }).click();
  await expect(page).toHaveURL(/\/login/);
  // The old cookie, replayed after sign-out, no longer works.
  expect((await request.get('/api/ui/slos', { headers: { cookie: cookieHeader } })).status()).toBe(401);

  const forged = await request.post('/toil', {
    headers: { 'next-action': '0'.repeat(42), origin: 'https://evil.example', 'content-type': 'text/plain' },
    data: '[]',
  });
  expect(forged.status()).toBe(403);
  expect(new URL(baseURL ?? '').host).not.toBe('evil.example');
});

test.beforeEach(() => {
  test.setTimeout(120_000);
});

test('NUL and invalid UTF-8 in paths and query strings are 400s, never 500s (item 8)', async ({
  request,
}) => {
  for (const path of [
    '/api/v1/slos/%00',
    '/api/v1/slos/%C0%AE%C0%AE',
    '/api/v1/slos?service=%00',
    '/api/ui/slos/%00/rules',
    '/catalog/services?q=%00',
    '/toil/entries?team=%00',
    '/settings/audit?page=99999999999999999999',
    '/toil/export?format=csv&q=%00',
  ]) {
    const res = await request.get(path, { maxRedirects: 0 });
    expect(res.status(), path).toBe(400);
  }
});
