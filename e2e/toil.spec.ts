import { expect, test } from '@playwright/test';
import { LoginPage, signedInPage } from './pages/session';
import { ToilEntryPage, ToilImportPage } from './pages/toil-page';

test.use({ timezoneId: 'UTC' });

const suffix = Date.now().toString(36);
const today = new Date().toISOString().slice(0, 10);

test('an engineer logs toil with the keyboard only, sees it at once, and undoes it', async ({ page }) => {
  await new LoginPage(page).signInAs('engineer');
  const toil = new ToilEntryPage(page);
  await toil.goto();

  // The team's recent tasks complete what is typed.
  await toil.type('tls cert');
  await expect(toil.option(/Rotate TLS certificates on the edge/)).toBeVisible();
  toil.keystrokes = 0;
  await toil.press('ArrowDown');
  await toil.press('Enter');
  // Choosing the task filled the rest from its latest entry.
  await expect(toil.task).toHaveValue('Rotate TLS certificates on the edge');
  await expect(toil.field('Category')).toHaveValue('certificate-rotation');
  await expect(toil.field('Service')).toHaveValue('api-gateway');
  await expect(toil.field('Automatable')).toHaveValue('full');
  // Tab to the time (its text is selected), type it, Enter submits.
  await toil.press('Tab');
  await toil.type('1h7m');
  await toil.press('Enter');
  expect(toil.keystrokes).toBeLessThan(10);

  const first = toil.recent.first();
  await expect(first).toContainText('Rotate TLS certificates on the edge');
  await expect(first).toContainText('1h 7m');
  await expect(toil.task).toHaveValue('');
  await expect(toil.task).toBeFocused();
  await expect(toil.toast('Logged 1h 7m')).toBeVisible();
  await expect(first).not.toHaveAttribute('aria-busy', 'true');
  await toil.goto();
  await expect(toil.recent.first()).toContainText('1h 7m');

  // Undo from a fresh entry's toast removes it, for good.
  await toil.type(`Undo me ${suffix}`);
  await toil.press('Tab');
  await toil.type('5');
  await page.getByLabel('Category', { exact: true }).selectOption('scaling');
  await toil.task.focus();
  await toil.press('Enter');
  await expect(toil.recent.first()).toContainText(`Undo me ${suffix}`);
  await toil.toast(`Undo me ${suffix}`).getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('recent-entries')).not.toContainText(`Undo me ${suffix}`);
  await page.reload();
  await expect(page.getByTestId('recent-entries')).not.toContainText(`Undo me ${suffix}`);
  await expect(toil.recent.first()).toContainText('1h 7m');
});

test('a bad field is named next to it and nothing is logged', async ({ page }) => {
  await new LoginPage(page).signInAs('engineer');
  const toil = new ToilEntryPage(page);
  await toil.goto();
  await toil.type(`Broken ${suffix}`);
  await toil.press('Tab');
  await toil.type('90s');
  await toil.press('Enter');
  await expect(page.locator('#minutes-error')).toContainText('"90s" is not a duration');
  await expect(page.locator('#category-error')).toContainText('Category is required');
  await expect(toil.task).toHaveValue(`Broken ${suffix}`);
  await expect(page.getByTestId('recent-entries')).not.toContainText(`Broken ${suffix}`);
});

test('a CSV with one bad row names its row and column and writes nothing until asked', async ({ page }) => {
  await new LoginPage(page).signInAs('engineer');
  const importer = new ToilImportPage(page);
  await importer.goto();
  const csv = [
    'date,task,category,minutes,service,interrupt,after_hours,automatable,notes',
    `${today},Imported ${suffix} one,scaling,30,k8s-platform,no,no,full,`,
    `${today},Imported ${suffix} two,alert-triage,forty,,yes,,partial,bad minutes`,
    `${today},Imported ${suffix} three,Data fixes,1h15m,,,,none,`,
  ].join('\n');
  await importer.check(`toil-${suffix}.csv`, csv);
  await expect(page.getByText('3 rows: 2 valid, 1 with errors')).toBeVisible();
  await expect(importer.errorRows()).toHaveCount(1);
  await expect(importer.errorRows().first()).toContainText('Row 3');
  await expect(importer.errorRows().first()).toContainText('minutes');
  await expect(importer.errorRows().first()).toContainText('"forty" is not a duration');
  await expect(page.getByRole('button', { name: 'Import 3 entries' })).toBeDisabled();

  await page.goto(`/toil/entries?q=${suffix}`);
  await expect(page.getByText('No entries match these filters')).toBeVisible();

  await importer.goto();
  await importer.check(`toil-${suffix}.csv`, csv);
  await page.getByRole('button', { name: 'Import only the 2 valid rows' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported 2 entries' })).toBeVisible();
  await page.goto(`/toil/entries?q=${suffix}`);
  await expect(page.getByRole('cell', { name: new RegExp(`Imported ${suffix} one`) })).toBeVisible();
  await expect(page.getByRole('cell', { name: new RegExp(`Imported ${suffix} three`) })).toBeVisible();
  await expect(page.getByText(`Imported ${suffix} two`)).toHaveCount(0);
});

test('the report flags the team above the cap and shows what to automate first', async ({ browser }) => {
  const viewer = await signedInPage(browser, 'viewer');
  await viewer.goto('/toil/reports');
  await expect(viewer.getByTestId('over-cap')).toContainText('Data');
  await expect(viewer.getByTestId('over-cap')).toContainText('above the 50% toil cap');
  const rows = viewer.getByTestId('team-toil-row');
  await expect(rows.filter({ hasText: 'Data' })).toContainText('Over cap');
  for (const team of ['Payments', 'Platform', 'Storefront'])
    await expect(rows.filter({ hasText: team })).toContainText('Within cap');
  await expect(viewer.getByRole('img', { name: /Toil as a share of capacity/ })).toBeVisible();
  await expect(viewer.getByTestId('toil-categories')).toContainText('Incident follow-up');
  await expect(viewer.getByTestId('top-tasks').locator('tbody tr')).toHaveCount(10);
  await expect(viewer.getByTestId('candidates').locator('tbody tr').first()).toBeVisible();
  // Viewers read reports but cannot write: no estimate inputs, no entry form.
  await expect(viewer.getByRole('button', { name: /Save estimate/ })).toHaveCount(0);
  await viewer.goto('/toil');
  await expect(viewer.getByText('You have read-only access')).toBeVisible();
  await expect(viewer.getByRole('combobox', { name: 'Task' })).toHaveCount(0);

  // One team's report: the Data team alone, flagged.
  await viewer.goto('/toil/reports?team=data');
  await expect(viewer.getByTestId('tile-toil')).toContainText('Over cap');
  await expect(viewer.getByTestId('team-toil-row')).toHaveCount(1);
});
