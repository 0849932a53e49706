'use client';

import { RotateCcw } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useActionState } from 'react';
import { useActionToast } from '@/components/forms/use-action-toast';
import { Button } from '@/components/ui/button';
import { restoreRevisionAction } from '../../actions';

/** Restores an old revision as a new one; refused when the runbook changed since the page loaded. */
export function RestoreButton({ id, revision, version }: { id: string; revision: number; version: number }) {
  const router = useRouter();
  const [state, action, pending] = useActionState(restoreRevisionAction, null);
  useActionToast(state, () => router.push(`/runbooks/${state?.data?.slug ?? ''}`));
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="revision" value={revision} />
      <input type="hidden" name="version" value={version} />
      <Button
        type="submit"
        variant="outline"
        size="sm"
        disabled={pending}
        aria-label={`Restore version ${revision}`}
      >
        <RotateCcw aria-hidden /> Restore
      </Button>
    </form>
  );
}
