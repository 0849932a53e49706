// npm test — unit + integration (Vitest, PGlite always, PostgreSQL when TEST_DATABASE_URL is set)
// then end-to-end (Playwright in Chromium). Ends with one line: "N passed, N failed, N skipped".
import fs from 'node:fs';
import { bin, hasBuild, run } from './proc.mjs';

const ci = process.env.CI === 'true';
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const totals = { passed: 0, failed: 0, skipped: 0 };
let broken = false;

fs.mkdirSync('test-results', { recursive: true });

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

// 1. Vitest
fs.rmSync('test-results/vitest.json', { force: true });
const vitestCode = await run(bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=test-results/vitest.json',
]);
const vitest = readJson('test-results/vitest.json');
if (vitest) {
  totals.passed += vitest.numPassedTests;
  totals.failed += vitest.numFailedTests;
  totals.skipped += vitest.numPendingTests + vitest.numTodoTests;
}
if (vitestCode !== 0 && (!vitest || vitest.numFailedTests === 0)) broken = true; // a suite that failed to load

// 2. Playwright
if (!fs.existsSync(chromium)) {
  const msg = `Chromium not found at ${chromium} (set CHROMIUM_PATH): end-to-end tests cannot run.`;
  if (ci) {
    console.error(`\n✗ ${msg}`);
    broken = true;
  } else {
    console.warn(
      `\n${'!'.repeat(78)}\n!! ${msg}\n!! SKIPPING every end-to-end test. Install it: apt-get install chromium\n${'!'.repeat(78)}\n`,
    );
    totals.skipped += 1;
  }
} else {
  if (!hasBuild() || process.env.SKIP_BUILD !== '1') {
    const code = await run(bin('next'), ['build']);
    if (code !== 0) broken = true;
  }
  if (!broken) {
    fs.rmSync('test-results/e2e.json', { force: true });
    const code = await run(bin('playwright'), ['test']);
    const report = readJson('test-results/e2e.json');
    if (report?.stats) {
      totals.passed += report.stats.expected + (report.stats.flaky ?? 0);
      totals.failed += report.stats.unexpected;
      totals.skipped += report.stats.skipped;
    }
    if (code !== 0 && (!report?.stats || report.stats.unexpected === 0)) broken = true;
  }
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 || broken ? 1 : 0);
