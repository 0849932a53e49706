'use client';

import { TriangleAlert } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';

export default function PortalError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <EmptyState
      icon={TriangleAlert}
      title="This page failed to load"
      action={<Button onClick={reset}>Try again</Button>}
    >
      {error.digest ? `Reference ${error.digest}. ` : ''}If the database was restarting, trying again usually
      works.
    </EmptyState>
  );
}
