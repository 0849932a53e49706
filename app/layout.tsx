import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { Providers } from '@/components/providers';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'SRE Portal', template: '%s · SRE Portal' },
  description: 'SLOs, error budgets, incidents, postmortems, toil, capacity and runbooks in one place.',
  // Static assets live in public/: the favicon, the logo (shell and printed reports), robots.txt.
  icons: { icon: { url: '/icon.svg', type: 'image/svg+xml' } },
  robots: { index: false, follow: false },
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // proxy.ts hands every page request a fresh CSP nonce; inline scripts (theme) carry it.
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  return (
    <html lang="en" suppressHydrationWarning>
      <body className="min-h-screen">
        <Providers nonce={nonce}>{children}</Providers>
      </body>
    </html>
  );
}
