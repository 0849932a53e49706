import { expect, type Page } from '@playwright/test';

/** Page objects for /runbooks: the library, a runbook, its editor and its history. */
export class RunbookLibrary {
  constructor(readonly page: Page) {}

  async goto(query = '') {
    await this.page.goto(`/runbooks${query}`);
  }

  get results() {
    return this.page.getByTestId('runbook-result');
  }

  async search(text: string) {
    await this.page.getByRole('searchbox', { name: 'Search' }).fill(text);
    await expect(this.page).toHaveURL(new RegExp(`q=${encodeURIComponent(text).replace(/%20/g, '\\+')}`));
  }
}

export class RunbookEditorPage {
  constructor(readonly page: Page) {}

  async gotoNew() {
    await this.page.goto('/runbooks/new');
  }

  async gotoEdit(slug: string) {
    await this.page.goto(`/runbooks/${slug}/edit`);
    await expect(this.body).toBeVisible();
  }

  get title() {
    return this.page.getByLabel('Title', { exact: true });
  }

  get body() {
    return this.page.locator('textarea#body');
  }

  get preview() {
    return this.page.getByTestId('preview');
  }

  async save() {
    await this.page.getByRole('button', { name: /^(Save|Create runbook)$/ }).click();
  }

  /** Creates a runbook and waits for its page; returns its slug. */
  async create(title: string, body: string, alerts = ''): Promise<string> {
    await this.gotoNew();
    await this.title.fill(title);
    await this.body.fill(body);
    if (alerts) await this.page.getByLabel('Alerts it answers').fill(alerts);
    await this.save();
    await expect(this.page).toHaveURL(/\/runbooks\/(?!new$)[a-z0-9-]+$/);
    return new URL(this.page.url()).pathname.split('/').pop() as string;
  }
}
