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

async function newPostmortem(page: import('@playwright/test').Page, name: string) {
  await signIn(page, 'engineer');
  await declareIncident(page, `${name} ${suffix}`);
  return resolveAndWritePostmortem(page);
}

test('two people save the same version: the second is refused and sees both texts', async ({
  page,
  browser,
}) => {
  const url = await newPostmortem(page, 'Conflict');
  const other = await signedIn(browser, 'admin');
  await other.goto(url);
  const a = new PostmortemEditorPage(page);
  const b = new PostmortemEditorPage(other);
  await a.section('Summary').fill('Text written by Erin');
  await a.expectSaved();
  await b.section('Summary').fill('Text written by the admin');
  await expect(b.saveState).toHaveAttribute('data-state', 'conflict');
  const conflict = other.getByTestId('conflict-summary');
  await expect(conflict.getByTestId('mine')).toHaveText('Text written by the admin');
  await expect(conflict.getByTestId('theirs')).toHaveText('Text written by Erin');
  // Nothing was overwritten on the server.
  await page.reload();
  await expect(a.section('Summary')).toHaveValue('Text written by Erin');
  // The admin merges and saves on top of Erin's version.
  await b.section('Summary').fill('Text written by Erin, and by the admin');
  await other.getByRole('button', { name: 'Save my merged version' }).click();
  await b.expectSaved();
  await page.reload();
  await expect(a.section('Summary')).toHaveValue('Text written by Erin, and by the admin');
  await other.context().close();
});

test('a reload in the middle of an autosave never loses typed text', async ({ page }) => {
  await newPostmortem(page, 'Reload');
  const editor = new PostmortemEditorPage(page);
  await editor.section('What went wrong').fill('The dashboard was stale');
  await editor.expectSaved();
  // Type and reload at once, before the debounced save fires.
  await editor.section('What went wrong').pressSequentially(' and the pager was muted');
  await page.reload();
  await expect(editor.section('What went wrong')).toHaveValue(
    'The dashboard was stale and the pager was muted',
  );
  await editor.expectSaved();
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(editor.section('What went wrong')).toHaveValue(
    'The dashboard was stale and the pager was muted',
  );
});

test('an XSS payload in every markdown field executes nothing', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await newPostmortem(page, 'XSS');
  const editor = new PostmortemEditorPage(page);
  const payload =
    '<img src=x onerror="window.__xss=1;alert(1)"> <script>window.__xss=2</script> [click](javascript:window.__xss=3) <a href="javascript:alert(4)">a</a> <svg onload="window.__xss=5"></svg>';
  for (const name of [
    'Summary',
    'Impact',
    'Root causes and trigger',
    '5 whys',
    'Detection',
    'Response and resolution',
    'What went well',
    'What went wrong',
    'Where we got lucky',
    'Timeline',
    'Links',
  ])
    await editor.section(name).fill(payload);
  await editor.expectSaved();
  await page.getByRole('button', { name: 'Preview' }).click();
  const preview = page.getByTestId('preview-summary');
  await expect(preview).toContainText('click');
  await preview.getByText('click').click();
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(
    await page
      .locator(
        '[data-testid^="preview-"] img, [data-testid^="preview-"] script, [data-testid^="preview-"] svg',
      )
      .count(),
  ).toBe(0);
  const hrefs = await page
    .locator('[data-testid^="preview-"] a')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  expect(hrefs.some((h) => h.toLowerCase().includes('javascript'))).toBe(false);
});
