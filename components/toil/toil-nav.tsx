import { BarChart3, List, PenLine, Settings2, Upload } from 'lucide-react';
import Link from 'next/link';
import { hasRole, type Role } from '@/lib/auth/roles';
import { cn } from '@/lib/utils';

const LINKS = [
  { href: '/toil', label: 'Log', icon: PenLine, role: 'viewer' },
  { href: '/toil/entries', label: 'Entries', icon: List, role: 'viewer' },
  { href: '/toil/reports', label: 'Reports', icon: BarChart3, role: 'viewer' },
  { href: '/toil/import', label: 'Import', icon: Upload, role: 'engineer' },
  { href: '/toil/settings', label: 'Categories and cap', icon: Settings2, role: 'admin' },
] as const;

/** The toil module's own tabs, under the page header. */
export function ToilNav({ current, role }: { current: string; role: Role }) {
  return (
    <nav aria-label="Toil" className="no-print mb-6 flex flex-wrap gap-1 border-b pb-2">
      {LINKS.filter((l) => hasRole(role, l.role)).map(({ href, label, icon: Icon }) => (
        <Link
          key={href}
          href={href}
          aria-current={current === href ? 'page' : undefined}
          className={cn(
            'inline-flex items-center gap-1.5 rounded-md px-3 py-1.5 text-sm hover:bg-accent',
            current === href && 'bg-accent font-medium',
          )}
        >
          <Icon className="size-4" aria-hidden /> {label}
        </Link>
      ))}
    </nav>
  );
}
