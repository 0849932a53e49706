import { ShieldAlert } from 'lucide-react';
import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';

/** Rendered with status 403 inside the portal shell when a page needs a higher role. */
export default function Forbidden() {
  return (
    <div className="mx-auto max-w-xl py-16">
      <EmptyState
        icon={ShieldAlert}
        title="You do not have access to this page"
        action={
          <Button asChild variant="outline">
            <Link href="/">Back to home</Link>
          </Button>
        }
      >
        Your role does not allow this. Ask an administrator if you need it.
      </EmptyState>
    </div>
  );
}
