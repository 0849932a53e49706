import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for /toil: the keyboard-first entry form and "my recent entries". */
export class ToilEntryPage {
  /** Keys pressed through this object, to hold the form to its keystroke budget. */
  keystrokes = 0;
  readonly task: Locator;
  readonly recent: Locator;

  constructor(readonly page: Page) {
    this.task = page.getByRole('combobox', { name: 'Task' });
    this.recent = page.getByTestId('recent-entry');
  }

  async goto() {
    await this.page.goto('/toil');
    await expect(this.task).toBeFocused();
  }

  /** Types text into the focused field, one keystroke per character. */
  async type(text: string) {
    await this.page.keyboard.type(text);
    this.keystrokes += text.length;
  }

  async press(key: string) {
    await this.page.keyboard.press(key);
    this.keystrokes += 1;
  }

  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  option(name: string | RegExp): Locator {
    return this.page.getByRole('option', { name });
  }

  toast(text: string | RegExp): Locator {
    return this.page.locator('[data-sonner-toast]').filter({ hasText: text });
  }
}

/** Page object for /toil/import. */
export class ToilImportPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto('/toil/import');
  }

  async check(fileName: string, csv: string) {
    await this.page
      .getByLabel('CSV file')
      .setInputFiles({ name: fileName, mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect(this.page.getByText(`Loaded ${fileName}`)).toBeVisible();
    await this.page.getByRole('button', { name: 'Check file' }).click();
    await expect(this.page.getByTestId('import-preview')).toBeVisible();
  }

  errorRows(): Locator {
    return this.page.getByTestId('import-errors').locator('tbody tr');
  }
}
