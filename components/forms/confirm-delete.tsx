'use client';

import { Trash2 } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useActionState, useState } from 'react';
import { Button } from '@/components/ui/button';
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogTitle,
  DialogTrigger,
} from '@/components/ui/dialog';
import type { ActionState } from '@/lib/action-state';
import { SubmitButton } from './submit-button';
import { useActionToast } from './use-action-toast';

/** A delete button that asks first; the action receives `id` and redirects or refreshes. */
export function ConfirmDelete({
  action,
  id,
  what,
  redirectTo,
  label = 'Delete',
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  id: string;
  what: string;
  redirectTo?: string;
  label?: string;
}) {
  const [open, setOpen] = useState(false);
  const router = useRouter();
  const [state, formAction] = useActionState(action, null);
  useActionToast(state, () => {
    setOpen(false);
    if (redirectTo) router.push(redirectTo);
    else router.refresh();
  });
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="outline" size="sm" className="text-destructive">
          <Trash2 aria-hidden /> {label}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogTitle>
          {label} {what}?
        </DialogTitle>
        <DialogDescription>This cannot be undone. The change is recorded in the audit log.</DialogDescription>
        <form action={formAction} className="flex justify-end gap-2">
          <input type="hidden" name="id" value={id} />
          <DialogClose asChild>
            <Button type="button" variant="outline">
              Cancel
            </Button>
          </DialogClose>
          <SubmitButton variant="destructive">{label}</SubmitButton>
        </form>
      </DialogContent>
    </Dialog>
  );
}
