import { SearchX } from 'lucide-react';
import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';

export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl px-4 py-24">
      <EmptyState
        icon={SearchX}
        title="Not found"
        action={
          <Button asChild variant="outline">
            <Link href="/">Back to the portal</Link>
          </Button>
        }
      >
        The page or record does not exist, or it was deleted.
      </EmptyState>
    </div>
  );
}
