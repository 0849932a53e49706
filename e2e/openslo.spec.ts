import { expect, test } from '@playwright/test';
import { LoginPage, signedInPage } from './pages/session';

const suffix = Date.now().toString(36);
const slug = `e2e-openslo-${suffix}`;

// One SLO the portal can take, and the OpenSLO example whose calendar window is one minute.
const yaml = `apiVersion: openslo/v1
kind: SLO
metadata:
  name: ${slug}
  displayName: E2E OpenSLO checkout ${suffix}
spec:
  description: Imported from OpenSLO
  service: checkout-api
  indicator:
    metadata:
      name: checkout-ok
    spec:
      ratioMetric:
        good:
          metricSource:
            type: Any
        total:
          metricSource:
            type: Any
  timeWindow:
    - duration: 28d
      isRolling: true
  budgetingMethod: Occurrences
  objectives:
    - displayName: Good
      target: 0.995
---
apiVersion: openslo/v1
kind: SLO
metadata:
  name: sla-${suffix}
spec:
  service: checkout-api
  indicator:
    spec:
      ratioMetric:
        good:
          metricSource:
            type: Any
        total:
          metricSource:
            type: Any
  timeWindow:
    - duration: 1m
      isRolling: false
      calendar:
        timeZone: America/New_York
  budgetingMethod: Occurrences
  objectives:
    - target: 0.99
`;

test('an engineer previews OpenSLO YAML, sees the refused field, imports the rest and finds it on /slos', async ({
  browser,
}) => {
  const page = await signedInPage(browser, 'engineer');
  await page.goto('/slos/import');
  await expect(page.getByRole('heading', { name: 'Import OpenSLO' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
  await page.getByLabel('OpenSLO YAML').fill(yaml);
  await page.getByRole('button', { name: 'Preview' }).click();

  const rows = page.getByTestId('import-document');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('Will create');
  await expect(rows.nth(0)).toContainText(slug);
  await expect(rows.nth(1)).toContainText('Refused');
  await expect(rows.nth(1)).toContainText('spec.timeWindow[0].duration');
  await expect(rows.nth(1)).toContainText('1m is 1 minute');
  await expect(page.getByTestId('import-summary')).toContainText('nothing has been written yet');

  // Nothing was written by the preview.
  await page.goto(`/slos?q=${suffix}`);
  await expect(page.getByText(`E2E OpenSLO checkout ${suffix}`)).toHaveCount(0);

  await page.goto('/slos/import');
  await page.getByLabel('OpenSLO YAML').fill(yaml);
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(rows).toHaveCount(2);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByTestId('import-summary')).toContainText('Imported: 1 created');
  await expect(rows.nth(0)).toContainText('Created');
  await expect(rows.nth(1)).toContainText('Refused');

  await page.getByRole('link', { name: 'View SLOs' }).click();
  await page.goto(`/slos?q=${suffix}`);
  await expect(page.getByTestId('slo-row')).toHaveCount(1);
  await expect(page.getByTestId('slo-row')).toContainText(`E2E OpenSLO checkout ${suffix}`);
  await expect(page.getByText(`sla-${suffix}`)).toHaveCount(0);
});

test('a viewer cannot reach the import page but can download the export', async ({ page }) => {
  await new LoginPage(page).signInAs('viewer');
  const forbidden = await page.goto('/slos/import');
  expect(forbidden?.status()).toBe(403);
  await expect(page.getByText('You do not have access to this page')).toBeVisible();
  const res = await page.request.get('/api/ui/openslo');
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toContain('application/yaml');
  expect(res.headers()['content-disposition']).toMatch(
    /attachment; filename="openslo-\d{4}-\d{2}-\d{2}\.yaml"/,
  );
  const text = await res.text();
  expect(text).toContain('apiVersion: openslo/v1');
  expect(text).toContain('kind: Service');
});
