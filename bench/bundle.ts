// SPEC §6: client JavaScript per route, gzipped, as Chromium downloads it on a first visit.
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { createToken } from '@/db/identity/tokens';
import { ensureDataset } from './dataset';
import { benchServer, heading, report } from './lib';

const ROUTES = [
  '/',
  '/slos',
  '/slos/bench-slo-17',
  '/slos/new',
  '/slos/import',
  '/toil',
  '/toil/reports',
  '/catalog/services',
  '/settings/tokens',
];

export async function benchBundle() {
  heading('Client JavaScript per route (gzipped, as Chromium downloads it)');
  const handle = await ensureDataset();
  await createToken(
    handle.db,
    { type: 'system', label: 'bench' },
    { name: `bundle-${Date.now()}`, scopes: ['read'] },
  );
  await handle.close();
  const base = await benchServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const context = await browser.newContext();
    const login = await context.newPage();
    await login.goto(`${base}/login`);
    await login.getByLabel('Email').fill('bench@example.com');
    await login.getByLabel('Password').fill('bench-password');
    await login.getByRole('button', { name: 'Sign in' }).click();
    await login.waitForURL(`${base}/`);
    for (const route of ROUTES) {
      const page = await context.newPage();
      const sizes = new Map<string, number>();
      page.on('response', async (res) => {
        if (res.request().resourceType() !== 'script') return;
        try {
          sizes.set(res.url(), gzipSync(await res.body()).length);
        } catch {}
      });
      await page.goto(base + route, { waitUntil: 'networkidle' });
      const kb = [...sizes.values()].reduce((a, b) => a + b, 0) / 1024;
      report(route, kb, 'KB', { target: '≤ 250 KB', ok: kb <= 250 });
      await page.close();
    }
  } finally {
    await browser.close();
  }
}
