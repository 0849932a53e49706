import { ArrowDown, ArrowUp, ArrowUpDown } from 'lucide-react';
import Link from 'next/link';
import { Th } from '@/components/ui/table';
import { cn } from '@/lib/utils';

export type SortDir = 'asc' | 'desc';
export interface SortState {
  key: string;
  dir: SortDir;
}

/** The sort a list is shown in: the URL's ?sort=&dir= when given, else the list's default. */
export function currentSort(params: Record<string, string | undefined>, fallback: SortState): SortState {
  if (!params.sort) return fallback;
  return {
    key: params.sort,
    dir: params.dir === 'desc' ? 'desc' : params.dir === 'asc' ? 'asc' : fallback.dir,
  };
}

/**
 * A table header that sorts through the URL: ?sort=<key>&dir=asc|desc, keeping the other params
 * (and dropping ?page). The first click sorts by `firstDir` — 'desc' where "worst first" or
 * "newest first" is natural — the next click flips it. `aria-sort` names the order actually shown,
 * including the list's default order when the URL names none (pass it as `current`).
 */
export function SortHeader({
  label,
  sortKey,
  params,
  firstDir = 'asc',
  current,
  className,
}: {
  label: string;
  sortKey: string;
  params: Record<string, string | undefined>;
  firstDir?: SortDir;
  current?: SortState;
  className?: string;
}) {
  const shown = current ?? (params.sort ? currentSort(params, { key: params.sort, dir: 'asc' }) : undefined);
  const active = shown?.key === sortKey;
  const dir: SortDir = active ? (shown.dir === 'desc' ? 'asc' : 'desc') : firstDir;
  const next = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v && k !== 'sort' && k !== 'dir' && k !== 'page') next.set(k, v);
  next.set('sort', sortKey);
  next.set('dir', dir);
  const Icon = !active ? ArrowUpDown : shown.dir === 'desc' ? ArrowDown : ArrowUp;
  return (
    <Th
      className={className}
      aria-sort={active ? (shown.dir === 'desc' ? 'descending' : 'ascending') : undefined}
    >
      <Link
        href={`?${next.toString()}`}
        className={cn('inline-flex items-center gap-1 hover:text-foreground', active && 'text-foreground')}
        scroll={false}
        prefetch={false}
      >
        {label}
        <Icon className="size-3" aria-hidden />
      </Link>
    </Th>
  );
}
