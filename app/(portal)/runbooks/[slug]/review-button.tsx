'use client';

import { CheckCheck } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useActionState } from 'react';
import { useActionToast } from '@/components/forms/use-action-toast';
import { Button } from '@/components/ui/button';
import { markReviewedAction } from '../actions';

/** "Mark reviewed": the reviewer vouches the runbook is current; the review interval restarts. */
export function ReviewButton({ id }: { id: string }) {
  const router = useRouter();
  const [state, action, pending] = useActionState(markReviewedAction, null);
  useActionToast(state, () => router.refresh());
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant="outline" size="sm" disabled={pending}>
        <CheckCheck aria-hidden /> Mark reviewed
      </Button>
    </form>
  );
}
