import { type Browser, expect, type Page } from '@playwright/test';

export const ACCOUNTS = {
  admin: { email: 'admin@demo.sre', password: 'demo-admin', name: 'Administrator' },
  engineer: { email: 'engineer@demo.sre', password: 'demo-engineer', name: 'Erin Engineer' },
  viewer: { email: 'viewer@demo.sre', password: 'demo-viewer', name: 'Victor Viewer' },
} as const;
export type DemoRole = keyof typeof ACCOUNTS;

/** Page object for the sign-in screen. */
export class LoginPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto('/login');
  }

  async signIn(email: string, password: string) {
    await this.page.getByLabel('Email').fill(email);
    await this.page.getByLabel('Password').fill(password);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
  }

  async signInAs(role: DemoRole) {
    await this.goto();
    await this.signIn(ACCOUNTS[role].email, ACCOUNTS[role].password);
    await expect(this.page.getByRole('button', { name: 'User menu' })).toBeVisible({ timeout: 30_000 });
  }
}

export async function signedInPage(browser: Browser, role: DemoRole): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await new LoginPage(page).signInAs(role);
  return page;
}
