'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { Role } from '@/lib/auth/roles';
import { cn } from '@/lib/utils';
import { BrandLogo } from './brand-logo';
import { navFor, PREFETCHED } from './nav-status';

export function isActive(pathname: string, href: string) {
  return href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`);
}

export function Sidebar({ role }: { role: Role }) {
  const pathname = usePathname();
  return (
    <aside className="no-print sticky top-0 hidden h-screen w-56 shrink-0 flex-col border-r bg-sidebar md:flex">
      <Link href="/" className="flex h-14 items-center gap-2 border-b px-4 font-semibold">
        <BrandLogo className="size-5" />
        SRE Portal
      </Link>
      <nav className="flex-1 overflow-y-auto px-2 py-3" aria-label="Main">
        {navFor(role).map((section) => (
          <div key={section.title} className="mb-4">
            <div className="px-2 pb-1 text-xs font-medium uppercase tracking-wide text-muted-foreground">
              {section.title}
            </div>
            {section.items.map(({ href, label, icon: Icon, soon }) => {
              const active = isActive(pathname, href);
              return (
                <Link
                  key={href}
                  href={href}
                  prefetch={PREFETCHED.has(href) ? undefined : false}
                  aria-current={active ? 'page' : undefined}
                  className={cn(
                    'flex items-center gap-2 rounded-md px-2 py-1.5 text-sm text-muted-foreground hover:bg-accent hover:text-foreground',
                    active && 'bg-accent font-medium text-foreground',
                  )}
                >
                  <Icon className="size-4" aria-hidden />
                  {label}
                  {soon && (
                    <span
                      className="ml-auto rounded border px-1 text-[10px] uppercase tracking-wide"
                      title="Not built yet"
                    >
                      soon
                    </span>
                  )}
                </Link>
              );
            })}
          </div>
        ))}
      </nav>
    </aside>
  );
}
