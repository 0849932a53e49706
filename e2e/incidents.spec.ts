import { expect as baseExpect, test } from '@playwright/test';
import {
  declareIncident,
  PostmortemEditorPage,
  resolveAndWritePostmortem,
  signedIn,
  signIn,
} from './pages/incident-pages';

test.use({ timezoneId: 'UTC' });
// Shared CI machines are slow: generous limits, never timed assertions.
test.describe.configure({ timeout: 300_000 });
const expect = baseExpect.configure({ timeout: 45_000 });

const suffix = Date.now().toString(36);

test('an incident from declaration to a published postmortem, found by full-text search', async ({
  page,
  browser,
}) => {
  await signIn(page, 'engineer');
  const title = `Gateway 502s ${suffix}`;
  const incidentUrl = await declareIncident(page, title, { slo: 'Gateway availability', severity: 'SEV2' });

  // Walk it through the statuses; the timeline records each step and the milestones.
  for (const status of ['Identified', 'Monitoring']) {
    await page.getByRole('button', { name: status, exact: true }).click();
    await expect(page.getByText(new RegExp(`→ ${status.toLowerCase()}`))).toBeVisible();
  }
  await page.getByRole('textbox', { name: 'Timeline entry' }).fill('Rolled back the ingress config');
  await page.getByRole('button', { name: 'Add to timeline' }).click();
  await expect(page.locator('li', { hasText: 'Rolled back the ingress config' })).toBeVisible();
  await expect(page.getByText('Acknowledged', { exact: true }).first()).toBeVisible();
  const editorUrl = await resolveAndWritePostmortem(page);

  // Prefilled: the error budget the incident spent on the affected SLO, and the timeline.
  const editor = new PostmortemEditorPage(page);
  await expect(editor.section('Impact')).toHaveValue(/Error budget consumed/);
  await expect(editor.section('Impact')).toHaveValue(/Gateway availability: .+ of .+ budget \(\d+%\)/);
  await expect(editor.section('Timeline')).toHaveValue(/Rolled back the ingress config/);

  const word = `hyperflux${suffix}`;
  await editor.section('Root causes and trigger').fill(`A ${word} misconfiguration in the ingress.`);
  await editor.expectSaved();

  // Action items, then review.
  await page.getByLabel('New action item').fill('Alert on ingress config drift');
  await page.getByLabel('Priority').selectOption('P1');
  await page.getByRole('button', { name: 'Add action item' }).click();
  await expect(page.getByTestId('action-item')).toContainText('Alert on ingress config drift');
  await page.getByRole('button', { name: 'Submit for review' }).click();
  await expect(page.getByText('Waiting for a reviewer other than you.')).toBeVisible();

  // Another person approves with the checklist and publishes.
  const reviewer = await signedIn(browser, 'admin');
  await reviewer.goto(editorUrl);
  for (const item of [
    'Data collected',
    'Impact complete',
    'Root cause deep enough',
    'Action items appropriate',
    'Shared with the affected teams',
  ])
    await reviewer.getByLabel(item).check();
  await reviewer.getByRole('button', { name: 'Approve' }).click();
  await expect(reviewer.getByText(/Approved by/)).toBeVisible();
  await reviewer.getByRole('button', { name: 'Publish' }).click();
  await expect(reviewer.getByText(/read-only/)).toBeVisible();
  await reviewer.context().close();

  // Published: read-only text, action items still listed.
  await page.goto(editorUrl);
  await expect(page.getByText(/Published .* read-only/)).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Summary', exact: true })).toHaveCount(0);

  await page.goto(`/postmortems?q=${word}`);
  const hit = page.getByTestId('search-hit').first();
  await expect(hit).toContainText(title);
  await expect(hit.locator('mark')).toHaveText(word);

  await page.goto('/incidents?severity=SEV2');
  await expect(page.getByRole('link', { name: new RegExp(title) })).toBeVisible();
  await page.goto(incidentUrl);
  await expect(page.getByTestId('TTR')).not.toHaveText('—');
});

test('a viewer sees incidents but cannot declare one', async ({ page }) => {
  await signIn(page, 'viewer');
  await page.goto('/incidents');
  await expect(page.getByRole('heading', { name: 'Incidents', level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Declare incident' })).toHaveCount(0);
  await page.goto('/action-items?overdue=1');
  await expect(page.getByRole('cell', { name: /· overdue/ }).first()).toBeVisible();
});
