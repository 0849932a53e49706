'use client';

import { useActionState } from 'react';
import { SubmitButton } from '@/components/forms/submit-button';
import { useActionToast } from '@/components/forms/use-action-toast';
import { syncNowAction } from './actions';

export function SyncNowButton({ slug }: { slug: string }) {
  const [state, formAction] = useActionState(syncNowAction, null);
  useActionToast(state);
  return (
    <form action={formAction}>
      <input type="hidden" name="slug" value={slug} />
      <SubmitButton>Sync now</SubmitButton>
    </form>
  );
}
