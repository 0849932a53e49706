import { ArrowDown, ArrowUp, ArrowUpDown } from 'lucide-react';
import Link from 'next/link';
import { Th } from '@/components/ui/table';

/** A table header that sorts through the URL: ?sort=<key>&dir=asc|desc, keeping the other params. */
export function SortHeader({
  label,
  sortKey,
  params,
  className,
}: {
  label: string;
  sortKey: string;
  params: Record<string, string | undefined>;
  className?: string;
}) {
  const active = params.sort === sortKey;
  const dir = active && params.dir !== 'desc' ? 'desc' : 'asc';
  const next = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v && k !== 'sort' && k !== 'dir' && k !== 'page') next.set(k, v);
  next.set('sort', sortKey);
  next.set('dir', dir);
  const Icon = !active ? ArrowUpDown : params.dir === 'desc' ? ArrowDown : ArrowUp;
  return (
    <Th
      className={className}
      aria-sort={active ? (params.dir === 'desc' ? 'descending' : 'ascending') : undefined}
    >
      <Link
        href={`?${next.toString()}`}
        className="inline-flex items-center gap-1 hover:text-foreground"
        scroll={false}
      >
        {label}
        <Icon className="size-3" aria-hidden />
      </Link>
    </Th>
  );
}
