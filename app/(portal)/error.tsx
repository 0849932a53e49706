'use client';

import { PageError } from '@/components/layout/page-error';

export default function PortalError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return <PageError digest={error.digest} reset={reset} />;
}
