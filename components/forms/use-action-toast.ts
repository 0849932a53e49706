'use client';

import { useEffect, useRef } from 'react';
import { toast } from 'sonner';
import type { ActionState } from '@/lib/action-state';

/** Shows the outcome of a server action as a toast, once per result. */
export function useActionToast(state: ActionState, onSuccess?: () => void) {
  const seen = useRef<ActionState>(null);
  useEffect(() => {
    if (!state || state === seen.current) return;
    seen.current = state;
    if (state.ok) {
      if (state.message) toast.success(state.message);
      onSuccess?.();
    } else if (state.message) {
      toast.error(state.message);
    }
  }, [state, onSuccess]);
}
