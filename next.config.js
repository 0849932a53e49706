// @ts-check
// Pages get their Content-Security-Policy from proxy.ts (a fresh script nonce per
// request, no 'unsafe-inline' scripts); API responses are data, never documents.
const apiCsp = "default-src 'none'; frame-ancestors 'none'";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // A separate build directory lets benchmarks build beside a development build.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  serverExternalPackages: ['@electric-sql/pglite', 'postgres', 'bcryptjs'],
  poweredByHeader: false,
  typedRoutes: false,
  // forbidden() renders app/(portal)/forbidden.tsx inside the shell with status 403.
  // The toil CSV import takes up to 2,000,000 characters (up to 4 bytes each in UTF-8).
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: '8mb' } },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
        ],
      },
      {
        source: '/api/:path*',
        headers: [
          { key: 'Content-Security-Policy', value: apiCsp },
          { key: 'Cache-Control', value: 'no-store' },
        ],
      },
    ];
  },
};

export default nextConfig;
