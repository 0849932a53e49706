import { type Browser, expect as baseExpect, type Page } from '@playwright/test';
import { ACCOUNTS } from './session';

const expect = baseExpect.configure({ timeout: 45_000 });

/** Declares an incident through the UI and returns its detail URL. */
export async function declareIncident(
  page: Page,
  title: string,
  opts: { slo?: string; severity?: string } = {},
) {
  await page.goto('/incidents');
  await page.getByRole('button', { name: 'Declare incident' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Title').fill(title);
  await dialog.getByLabel('Severity').selectOption(opts.severity ?? 'SEV2');
  if (opts.slo) await dialog.getByLabel('Affected SLOs').selectOption({ label: opts.slo });
  await dialog.getByRole('button', { name: 'Declare' }).click();
  await expect(page).toHaveURL(/\/incidents\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(title);
  return page.url();
}

/** Resolves the incident on its page and opens a new postmortem for it; returns the editor URL. */
export async function resolveAndWritePostmortem(page: Page) {
  await page.getByRole('button', { name: 'Resolve' }).click();
  await expect(
    page.getByText('Status monitoring → resolved').or(page.getByText(/Status \w+ → resolved/)),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Write the postmortem' }).click();
  await expect(page).toHaveURL(/\/postmortems\/[0-9a-f-]{36}$/);
  return page.url();
}

export class PostmortemEditorPage {
  constructor(readonly page: Page) {}
  section(name: string) {
    return this.page.getByRole('textbox', { name, exact: true });
  }
  get saveState() {
    return this.page.getByTestId('save-state');
  }
  async expectSaved() {
    await expect(this.saveState).toHaveAttribute('data-state', 'saved');
  }
}

/** Signs in with the slow shared machine in mind (the shared helper waits 10 s). */
export async function signIn(page: Page, role: keyof typeof ACCOUNTS) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(ACCOUNTS[role].email);
  await page.getByLabel('Password').fill(ACCOUNTS[role].password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'User menu' })).toBeVisible();
}

export async function signedIn(browser: Browser, role: keyof typeof ACCOUNTS) {
  const page = await (await browser.newContext({ timezoneId: 'UTC' })).newPage();
  await signIn(page, role);
  return page;
}
