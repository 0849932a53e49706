'use client';

import { DatabaseZap, TriangleAlert } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useEffect, useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';

/**
 * What an error boundary shows. A page that failed because the database went away (a
 * client-side navigation or a form sent the moment it stopped) says so, in the words of the
 * 503 page the server answers during an outage; "Try again" renders the page afresh.
 */
export function PageError({ digest, reset }: { digest?: string; reset: () => void }) {
  const router = useRouter();
  const [retrying, startRetry] = useTransition();
  const [databaseDown, setDatabaseDown] = useState(false);
  useEffect(() => {
    let live = true;
    fetch('/api/health', { cache: 'no-store' })
      .then((res) => live && setDatabaseDown(res.status === 503))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, []);
  const retry = (
    <Button
      disabled={retrying}
      onClick={() =>
        startRetry(() => {
          router.refresh();
          reset();
        })
      }
    >
      Try again
    </Button>
  );
  if (databaseDown)
    return (
      <EmptyState icon={DatabaseZap} title="The portal's database is unavailable" action={retry}>
        It is probably restarting. Nothing you saved is lost; try again in a few seconds.
      </EmptyState>
    );
  return (
    <EmptyState icon={TriangleAlert} title="This page failed to load" action={retry}>
      {digest ? `Reference ${digest}. ` : ''}If the database was restarting, trying again usually works.
    </EmptyState>
  );
}
