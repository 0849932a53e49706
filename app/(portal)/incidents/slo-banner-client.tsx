'use client';

import { useActionState } from 'react';
import { useActionToast } from '@/components/forms/use-action-toast';
import { Button } from '@/components/ui/button';
import { declareSuggestionAction, dismissSuggestionAction } from './actions';

export function DeclareButtons({ id }: { id: string }) {
  const [declareState, declare] = useActionState(declareSuggestionAction, null);
  const [dismissState, dismiss] = useActionState(dismissSuggestionAction, null);
  useActionToast(declareState);
  useActionToast(dismissState);
  return (
    <div className="flex gap-2">
      <form action={declare}>
        <input type="hidden" name="id" value={id} />
        <Button type="submit" size="sm">
          Declare incident
        </Button>
      </form>
      <form action={dismiss}>
        <input type="hidden" name="id" value={id} />
        <Button type="submit" size="sm" variant="outline">
          Not an incident
        </Button>
      </form>
    </div>
  );
}
