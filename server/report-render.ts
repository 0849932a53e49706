// PDF of the monthly report: headless Chromium (Debian `chromium`, or CHROMIUM_PATH) prints the
// same page people read, through a short-lived signed link instead of a session cookie.

import { createHmac, timingSafeEqual } from 'node:crypto';
import { authSecret } from '@/lib/auth/secret';

const KEY_TTL_MS = 2 * 60_000;

function sign(month: string, expires: number): string {
  return createHmac('sha256', authSecret()).update(`report-print:${month}:${expires}`).digest('base64url');
}

export function printLink(origin: string, month: string, now = Date.now()): string {
  const expires = now + KEY_TTL_MS;
  const q = new URLSearchParams({ expires: String(expires), key: sign(month, expires) });
  return `${origin}/print/reports/${month}?${q}`;
}

/** True when `key` was issued by printLink for this month and has not expired. */
export function validPrintKey(month: string, expires: string | undefined, key: string | undefined): boolean {
  if (!expires || !key || !/^\d{1,15}$/.test(expires)) return false;
  const at = Number(expires);
  if (at < Date.now() || at > Date.now() + KEY_TTL_MS) return false;
  const expected = Buffer.from(sign(month, at));
  const given = Buffer.from(key);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/** Renders the report page to an A4 PDF with its charts (inline SVG). */
export async function renderReportPdf(origin: string, month: string): Promise<Buffer> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ colorScheme: 'light' });
    const response = await page.goto(printLink(origin, month), { waitUntil: 'networkidle', timeout: 30_000 });
    if (!response?.ok()) throw new Error(`print page answered ${response?.status()}`);
    await page.emulateMedia({ media: 'print' });
    return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    await browser.close();
  }
}
