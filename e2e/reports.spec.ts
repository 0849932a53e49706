import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { LoginPage } from './pages/session';

test.use({ timezoneId: 'UTC' });

const month = new Date().toISOString().slice(0, 7);
const hasPoppler = (() => {
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** Share of non-white pixels of a binary PGM (P5) image. */
function inkShare(file: string): number {
  const buf = fs.readFileSync(file);
  const header = buf.toString('latin1', 0, 64).split(/\s+/);
  const [, w, h, max] = header;
  const headerLength = buf.indexOf(Buffer.from(`${max}\n`), 2) + `${max}\n`.length;
  const pixels = buf.subarray(headerLength, headerLength + Number(w) * Number(h));
  let ink = 0;
  for (const p of pixels) if (p < 235) ink += 1;
  return ink / pixels.length;
}

test('leadership opens the month, reads the SLA table and burndowns, and downloads CSV and PDF', async ({
  page,
}) => {
  await new LoginPage(page).signInAs('viewer');
  await page.goto('/reports');
  await expect(page.getByRole('heading', { name: 'Monthly SLA reports' })).toBeVisible();
  await page.getByTestId('report-months').getByRole('link').first().click();
  await expect(page).toHaveURL(new RegExp(`/reports/${month}$`));
  await expect(page.getByTestId('executive-summary')).toContainText(/SLA/);
  const slaTable = page.getByTestId('sla-table');
  await expect(slaTable).toContainText('Checkout availability SLA');
  await expect(slaTable).toContainText(/Met|Breached/);
  await expect(page.getByTestId('slo-card').first().locator('svg[role="img"]')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Methodology' })).toBeVisible();

  // CSV: one row per SLA and per SLO, with the documented columns.
  const csv = await page.request.get(`/api/v1/reports/${month}.csv`);
  expect(csv.status()).toBe(200);
  const lines = (await csv.text()).trim().split(/\r?\n/);
  expect(lines[0]).toBe(
    'month,kind,name,service,target,attainment,met,credit_percent,budget_used,budget_remaining,status',
  );
  expect(lines.filter((l) => l.includes(',sla,'))).toHaveLength(3);
  expect(lines.filter((l) => l.includes(',slo,')).length).toBeGreaterThanOrEqual(25);

  // JSON equals what the page shows.
  const json = await (await page.request.get(`/api/v1/reports/${month}`)).json();
  expect(json.slas).toHaveLength(3);

  // PDF: the same report, printed by Chromium; its first page is not blank.
  const pdf = await page.request.get(`/api/v1/reports/${month}.pdf`, { timeout: 60_000 });
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  const body = await pdf.body();
  expect(body.subarray(0, 5).toString()).toBe('%PDF-');
  test.skip(!hasPoppler, 'poppler-utils (pdftoppm) not installed: cannot rasterise the PDF');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-pdf-'));
  const file = path.join(dir, 'report.pdf');
  fs.writeFileSync(file, body);
  const text = execFileSync('pdftotext', ['-f', '1', '-l', '2', file, '-']).toString();
  expect(text).toContain('Executive summary');
  expect(text).toContain('SLAs by service');
  execFileSync('pdftoppm', ['-f', '1', '-l', '1', '-r', '40', '-gray', file, path.join(dir, 'page')]);
  const image = fs.readdirSync(dir).find((f) => f.endsWith('.pgm'));
  expect(image).toBeDefined();
  expect(inkShare(path.join(dir, image as string))).toBeGreaterThan(0.01);
});

test('an engineer defines an SLA with credit tiers; bad tiers name the field', async ({ page }) => {
  await new LoginPage(page).signInAs('engineer');
  await page.goto('/reports/slas/new');
  await page.getByLabel('Service').selectOption({ label: 'Search API' });
  await page.getByLabel('Name').fill('Search availability SLA');
  await page.getByLabel('Target (%)').fill('99');
  await page.getByLabel('Tier 1 threshold (%)').fill('99.5');
  await page.getByRole('button', { name: 'Create SLA' }).click();
  await expect(page.getByText('A credit threshold cannot be above the SLA target')).toBeVisible();
  await page.getByLabel('Tier 1 threshold (%)').fill('99');
  await page.getByLabel('Tier 2 threshold (%)').fill('98');
  await page.getByLabel('Tier 3 threshold (%)').fill('95');
  await page.getByRole('button', { name: 'Create SLA' }).click();
  await expect(page).toHaveURL(/\/reports\/slas$/);
  await expect(page.getByRole('link', { name: 'Search availability SLA' })).toBeVisible();
  await page.goto(`/reports/${month}`);
  await expect(page.getByTestId('sla-table')).toContainText('Search availability SLA');
});

test('the API refuses unknown months and anonymous readers', async ({ request }) => {
  expect((await request.get(`/api/v1/reports/${month}`)).status()).toBe(401);
  const bad = await request.get('/api/v1/reports/2026-13.csv', { headers: { authorization: 'Bearer nope' } });
  expect(bad.status()).toBe(401);
  expect((await request.get('/api/v1/reports/latest')).status()).toBe(404);
});
