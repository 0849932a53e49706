import { SearchX } from 'lucide-react';
import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';

/** Rendered with status 404 inside the portal shell for a record that does not exist. */
export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl py-16">
      <EmptyState
        icon={SearchX}
        title="Not found"
        action={
          <Button asChild variant="outline">
            <Link href="/">Back to home</Link>
          </Button>
        }
      >
        The page or record does not exist, or it was deleted.
      </EmptyState>
    </div>
  );
}
