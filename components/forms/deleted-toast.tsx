'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { toast } from 'sonner';

/**
 * After a delete, the server action redirects to the list with ?deleted=<what>: this shows
 * "<what> deleted" once and drops the parameter, so a reload or a shared link does not repeat it.
 */
export function DeletedToast() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const shown = useRef<string | null>(null);
  const deleted = params.get('deleted');
  useEffect(() => {
    if (!deleted || shown.current === deleted) return;
    shown.current = deleted;
    toast.success(`${deleted} deleted`);
    const next = new URLSearchParams(params.toString());
    next.delete('deleted');
    const query = next.toString();
    router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
  }, [deleted, params, pathname, router]);
  return null;
}
