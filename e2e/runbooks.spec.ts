import { expect, type Page, test } from '@playwright/test';
import { RunbookEditorPage, RunbookLibrary } from './pages/runbooks-page';
import { LoginPage } from './pages/session';

test.use({ timezoneId: 'UTC' });

const suffix = Date.now().toString(36);

test('search finds the runbook, ranks the title match first, and a command copies in one click', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await new LoginPage(page).signInAs('viewer');
  const library = new RunbookLibrary(page);
  await library.goto();
  await expect(library.results.filter({ hasText: 'Checkout API: error budget burning' })).toHaveCount(1);
  expect(await library.results.count()).toBeGreaterThanOrEqual(15);

  await library.search('kafka lag');
  await expect(library.results.first()).toContainText('Events Pipeline: Kafka consumer lag');
  // Body-only matches come after the title match, with the matched words highlighted.
  await library.search('rollout');
  await expect(library.results.first().locator('mark').first()).toBeVisible();

  // Filters live in the URL: a shared link shows the same list.
  await library.goto('?service=checkout-api');
  await expect(library.results).toHaveCount(1);
  await library.goto('?review=overdue');
  const overdue = await library.results.count();
  expect(overdue).toBeGreaterThan(0);
  await expect(library.results.locator('[data-staleness="overdue"]')).toHaveCount(overdue);

  await library.goto('?q=kafka');
  await library.results.first().getByRole('link').click();
  await expect(page).toHaveURL(/\/runbooks\/events-pipeline-consumer-lag$/);
  await expect(page.getByRole('heading', { name: 'Mitigation' })).toHaveAttribute('id', 'mitigation');

  const code = page.getByTestId('runbook-body').locator('pre').first();
  await code.locator('..').getByRole('button', { name: 'Copy code' }).click();
  await expect(page.getByRole('button', { name: 'Copied' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(((await code.textContent()) ?? '').replace(/\n$/, ''));
  expect(copied).toContain('kafka-consumer-groups.sh');
});

test('the alert link redirects to the runbook that answers it', async ({ page }) => {
  await new LoginPage(page).signInAs('viewer');
  await page.goto('/runbooks/by-alert/KafkaConsumerLagHigh');
  await expect(page).toHaveURL(/\/runbooks\/events-pipeline-consumer-lag$/);
  // A generic SLO alert goes to the firing service's own runbook.
  await page.goto('/runbooks/by-alert/SLOErrorBudgetBurnPage?service=checkout-api');
  await expect(page).toHaveURL(/\/runbooks\/checkout-error-budget-burn$/);
  // A service without its own runbook gets the generic one.
  await page.goto('/runbooks/by-alert/SLOErrorBudgetBurnPage?service=k8s-platform');
  await expect(page).toHaveURL(/\/runbooks\/slo-burn-first-response$/);
  // Several candidates: a choice, not a guess.
  await page.goto('/runbooks/by-alert/SLOErrorBudgetBurnTicket');
  await expect(page.getByTestId('alert-matches').getByRole('listitem').first()).toBeVisible();
  await page.goto('/runbooks/by-alert/NobodyWroteThis');
  await expect(page.getByText('No runbook answers this alert yet')).toBeVisible();
});

test('a stale save is refused without losing the text, and an old revision can be restored', async ({
  page,
  browser,
}) => {
  await new LoginPage(page).signInAs('engineer');
  const editor = new RunbookEditorPage(page);
  const slug = await editor.create(
    `Redis failover ${suffix}`,
    '## Mitigation\n\n```sh\nredis-cli failover\n```\n',
    'RedisDown',
  );

  // Two people open the editor on version 1.
  const other = await browser.newContext();
  const bobPage = await other.newPage();
  await new LoginPage(bobPage).signInAs('engineer');
  const bob = new RunbookEditorPage(bobPage);
  await bob.gotoEdit(slug);
  await editor.gotoEdit(slug);

  await bob.body.fill('## Mitigation\n\nBob: promote the replica.\n');
  await expect(bob.preview).toContainText('Bob: promote the replica.');
  await bob.save();
  await expect(bobPage).toHaveURL(new RegExp(`/runbooks/${slug}$`));
  await expect(bobPage.getByTestId('runbook-body')).toContainText('Bob: promote the replica.');

  await editor.body.fill('## Mitigation\n\nAlice: restart the primary.\n');
  await editor.save();
  await expect(page.getByRole('alert').filter({ hasText: 'someone else saved' })).toBeVisible();
  await expect(editor.body).toHaveValue('## Mitigation\n\nAlice: restart the primary.\n');
  await page.goto(`/runbooks/${slug}`);
  await expect(page.getByTestId('runbook-body')).toContainText('Bob: promote the replica.');
  await other.close();

  // History: diff version 1 → 2 both ways, then restore version 1 as version 3.
  await page.getByRole('link', { name: 'History' }).click();
  await expect(page.getByTestId('revision')).toHaveCount(2);
  await expect(page.getByTestId('diff-unified')).toContainText('-redis-cli failover');
  await expect(page.getByTestId('diff-unified')).toContainText('+Bob: promote the replica.');
  await page.getByRole('link', { name: 'Side by side' }).click();
  await expect(page.getByTestId('diff-split').locator('td[data-kind="removed"]').first()).toBeVisible();
  await page.getByRole('button', { name: 'Restore version 1' }).click();
  await expect(page).toHaveURL(new RegExp(`/runbooks/${slug}$`));
  await expect(page.getByTestId('runbook-body')).toContainText('redis-cli failover');
  await expect(page.getByText('Version 3', { exact: true })).toBeVisible();
  await page.getByRole('link', { name: 'History' }).click();
  await expect(page.getByTestId('revision')).toHaveCount(3);
  await expect(page.getByTestId('revision').first()).toContainText('Restored version 1');

  // Mark reviewed stamps the reviewer.
  await page.goto(`/runbooks/${slug}`);
  await page.getByRole('button', { name: 'Mark reviewed' }).click();
  await expect(page.getByTestId('last-reviewed')).toContainText('engineer@demo.sre');
});

const XSS_TITLE = `<img src=x onerror="window.__xss='title'"><script>window.__xss='title-script'</script> XSS ${suffix}`;
const XSS_BODY = [
  '## Payloads',
  '<script>window.__xss = "script"</script>',
  '<img src="x" onerror="window.__xss = \'img\'">',
  '<svg onload="window.__xss = \'svg\'"><circle r="5"/></svg>',
  '<iframe src="javascript:window.__xss=\'iframe\'"></iframe>',
  '<iframe srcdoc="<script>parent.__xss=\'srcdoc\'</script>"></iframe>',
  '<a href="javascript:window.__xss=\'raw-link\'">raw link</a>',
  '<details open ontoggle="window.__xss=\'toggle\'"><summary>x</summary></details>',
  '<object data="javascript:window.__xss=\'object\'"></object>',
  '<style>body{display:none}</style>',
  '',
  '[md js link](javascript:window.__xss=%27md-link%27)',
  '[spaced js link]( JaVaScRiPt:window.__xss=1)',
  '[data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '![img js](javascript:window.__xss=%27md-img%27)',
  '[ok link](https://example.com/docs)',
  '',
  '```html',
  '<script>window.__xss = "in code"</script>',
  '```',
].join('\n');

async function expectInert(page: Page) {
  expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
}

test('XSS payloads in a title and body execute nothing anywhere the runbook shows', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await new LoginPage(page).signInAs('engineer');
  const editor = new RunbookEditorPage(page);
  await editor.gotoNew();
  await editor.title.fill(XSS_TITLE);
  await page.getByLabel('Slug').fill(`xss-${suffix}`);
  await editor.body.fill(XSS_BODY);
  // The live preview renders the same payloads as inert text.
  await expect(editor.preview.getByRole('link', { name: 'ok link' })).toBeVisible();
  await expectInert(page);
  await editor.save();
  await expect(page).toHaveURL(/\/runbooks\/(?!new$)[a-z0-9-]+$/);
  const slug = new URL(page.url()).pathname.split('/').pop() as string;

  const body = page.getByTestId('runbook-body');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(XSS_TITLE);
  await expect(body.getByRole('link', { name: 'ok link' })).toHaveAttribute(
    'href',
    'https://example.com/docs',
  );
  for (const tag of ['script', 'iframe', 'svg:not(.lucide)', 'object', 'img', 'style', 'details'])
    await expect(body.locator(tag), tag).toHaveCount(0);
  expect(await body.locator('[onerror], [onload], [ontoggle], [srcdoc]').count()).toBe(0);
  const hrefs = await body.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  for (const href of hrefs) expect(href, href).toMatch(/^(https?:\/\/|#|\/)/);
  // Clicking what is left of the javascript: links does nothing.
  await body.getByText('md js link').click();
  await body.getByText('spaced js link').click();
  await expect(body.locator('pre code')).toContainText('<script>window.__xss = "in code"</script>');
  await expectInert(page);

  for (const path of [`/runbooks?q=${suffix}`, `/runbooks/${slug}/revisions`, `/runbooks/${slug}/edit`]) {
    await page.goto(path);
    await expect(page.getByText(`XSS ${suffix}`).first()).toBeVisible();
    await expectInert(page);
  }
  expect(dialogs).toEqual([]);
});
