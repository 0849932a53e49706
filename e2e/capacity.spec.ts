import { expect, test } from '@playwright/test';
import { CapacityOverviewPage, CapacityResourcePage, instanceCounts } from './pages/capacity-page';
import { LoginPage } from './pages/session';

test.use({ timezoneId: 'UTC' });

const suffix = Date.now().toString(36);

test('the overview ranks by days to exhaustion and flags the resource about to run out', async ({ page }) => {
  await new LoginPage(page).signInAs('viewer');
  const overview = new CapacityOverviewPage(page);
  await overview.goto();
  const checkout = overview.row('checkout-db-connections');
  await expect(checkout).toHaveAttribute('data-status', 'order-now');
  await expect(checkout.getByText('Order now')).toBeVisible();
  // Most urgent first; flat and falling demand never runs out and sorts last.
  await expect(overview.rows().first()).toHaveAttribute(
    'data-testid',
    'capacity-row-checkout-db-connections',
  );
  await expect(overview.row('warehouse-slots')).toContainText('not within 365 days');
  await expect(overview.row('warehouse-slots')).toHaveAttribute('data-status', 'ok');
});

test('an engineer opens a resource, switches the model, and adds a launch scenario', async ({ page }) => {
  // Three round trips that each refit every model: generous on a shared, loaded machine.
  test.setTimeout(240_000);
  await new LoginPage(page).signInAs('engineer');
  const overview = new CapacityOverviewPage(page);
  await overview.goto();
  await overview.row('gateway-rps').getByRole('link', { name: 'Gateway requests' }).click();
  await expect(page).toHaveURL(/\/capacity\/gateway-rps$/);

  const resource = new CapacityResourcePage(page);
  // Weekly seasonal demand: Holt-Winters wins the backtest and is shown first.
  await expect(resource.model('Holt-Winters (weekly)')).toHaveAttribute('aria-checked', 'true');
  await expect(resource.chart()).toHaveAttribute('aria-label', /Holt-Winters/);
  await expect(page.getByTestId('model-row-holt-winters')).toContainText('best backtest');

  await resource.model('Linear').click();
  await expect(resource.model('Linear')).toHaveAttribute('aria-checked', 'true');
  await expect(resource.model('Holt-Winters (weekly)')).toHaveAttribute('aria-checked', 'false');
  await expect(resource.chart()).toHaveAttribute('aria-label', /with the Linear forecast/);

  const baseline = instanceCounts(await resource.baselineInstances().textContent());
  expect(baseline.every((n) => n > 0)).toBe(true);
  const name = `Launch ${suffix}`;
  await resource.addScenario(name, 'Multiplier ×', '10');
  // The action recomputes every model's forecast on a shared machine: allow it time, not a deadline.
  await expect(page.getByText(`Scenario ${name} added`)).toBeVisible({ timeout: 60_000 });
  const row = resource.scenarioRow(name);
  await expect(row).toContainText('× 10');
  const launch = instanceCounts(await row.getByTestId('scenario-instances').textContent());
  // Ten times the demand needs about ten times the instances (N+k: k is added once).
  expect(launch[0]).toBeGreaterThan(baseline[0] * 8);

  // A bad value is refused with the field named, and nothing is added.
  await resource.addScenario(`Bad ${suffix}`, 'Multiplier ×', '-3');
  await expect(page.getByText('A multiplier between 0 and 10,000')).toBeVisible({ timeout: 60_000 });
  await expect(resource.scenarioRow(`Bad ${suffix}`)).toHaveCount(0);

  await row.getByRole('button', { name: `Remove scenario ${name}` }).click();
  await expect(resource.scenarioRow(name)).toHaveCount(0, { timeout: 60_000 });
});
