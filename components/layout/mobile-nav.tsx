'use client';

import { Menu } from 'lucide-react';
import Link from 'next/link';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import type { Role } from '@/lib/auth/roles';
import { navFor } from './nav-status';

/** The sidebar as a dialog on narrow screens. */
export function MobileNav({ role }: { role: Role }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="ghost" size="icon" className="md:hidden" aria-label="Open navigation">
          <Menu aria-hidden />
        </Button>
      </DialogTrigger>
      <DialogContent className="max-w-xs">
        <DialogTitle>Navigate</DialogTitle>
        <nav className="grid gap-1">
          {navFor(role)
            .flatMap((s) => s.items)
            .map(({ href, label, icon: Icon, soon }) => (
              <Link
                key={href}
                href={href}
                prefetch={false}
                onClick={() => setOpen(false)}
                className="flex items-center gap-2 rounded-md px-2 py-1.5 hover:bg-accent"
              >
                <Icon className="size-4" aria-hidden /> {label}
                {soon && <span className="ml-auto text-xs text-muted-foreground">soon</span>}
              </Link>
            ))}
        </nav>
      </DialogContent>
    </Dialog>
  );
}
