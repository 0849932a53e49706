import { ShieldAlert } from 'lucide-react';
import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';

export const metadata = { title: 'Forbidden' };

export default function Forbidden() {
  return (
    <div className="mx-auto max-w-xl px-4 py-24">
      <EmptyState
        icon={ShieldAlert}
        title="You do not have access to this page"
        action={
          <Button asChild variant="outline">
            <Link href="/">Back to the portal</Link>
          </Button>
        }
      >
        Your role does not allow this. Ask an administrator if you need it.
      </EmptyState>
    </div>
  );
}
