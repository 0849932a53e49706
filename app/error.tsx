'use client';

import { PageError } from '@/components/layout/page-error';

// Errors of the portal's own layout (its first database read, when the database just went
// away during a client-side navigation) land here, outside the shell.
export default function RootError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <main className="mx-auto w-full max-w-3xl px-4 py-16">
      <PageError digest={error.digest} reset={reset} />
    </main>
  );
}
