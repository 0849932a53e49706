import type { Page } from '@playwright/test';

/** Page objects for the capacity overview and a resource's detail. */
export class CapacityOverviewPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto('/capacity');
  }

  row(slug: string) {
    return this.page.getByTestId(`capacity-row-${slug}`);
  }

  rows() {
    return this.page.locator('[data-testid^="capacity-row-"]');
  }
}

export class CapacityResourcePage {
  constructor(private readonly page: Page) {}

  chart() {
    return this.page.getByRole('img', { name: /forecast, its 95% interval/ });
  }

  model(name: string) {
    return this.page.getByRole('radio', { name });
  }

  scenarioRow(name: string) {
    return this.page.getByTestId(`scenario-${name}`);
  }

  baselineInstances() {
    return this.page.getByTestId('scenario-baseline').getByTestId('scenario-instances');
  }

  async addScenario(name: string, kind: 'Multiplier ×' | 'Growth % a month', value: string) {
    await this.page.getByLabel('New scenario').fill(name);
    await this.page.getByLabel('Kind').selectOption({ label: kind });
    await this.page.getByLabel('Value').fill(value);
    await this.page.getByRole('button', { name: 'Add scenario' }).click();
  }
}

/** "12 / 13 / 15" → [12, 13, 15] */
export function instanceCounts(text: string | null): number[] {
  return (text ?? '').split('/').map((s) => Number(s.trim()));
}
