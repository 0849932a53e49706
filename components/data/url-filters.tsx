'use client';

import { Search, X } from 'lucide-react';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useRef, useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/input';

export interface FilterSelect {
  name: string;
  label: string;
  options: { value: string; label: string }[];
}

/** Search box and select filters whose state lives in the URL (shareable, survives reload). */
export function UrlFilters({
  selects = [],
  placeholder = 'Search…',
}: {
  selects?: FilterSelect[];
  placeholder?: string;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();
  const [q, setQ] = useState(params.get('q') ?? '');

  function update(name: string, value: string) {
    const next = new URLSearchParams(params.toString());
    if (value) next.set(name, value);
    else next.delete(name);
    next.delete('page');
    startTransition(() => router.replace(`${pathname}?${next.toString()}`, { scroll: false }));
  }

  const active = Boolean(params.get('q')) || selects.some((s) => params.get(s.name));
  // Set by "Clear filters" so the debounced search does not put back the filters it just cleared.
  const cleared = useRef(false);
  function clearAll() {
    const next = new URLSearchParams(params.toString());
    for (const name of ['q', 'page', ...selects.map((s) => s.name)]) next.delete(name);
    cleared.current = true;
    setQ('');
    startTransition(() => router.replace(`${pathname}?${next.toString()}`, { scroll: false }));
  }

  // Debounce the search box so typing does not fire a request per key.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the typed text should trigger
  useEffect(() => {
    if (cleared.current) {
      cleared.current = false;
      return;
    }
    if (q === (params.get('q') ?? '')) return;
    const t = setTimeout(() => update('q', q.trim()), 250);
    return () => clearTimeout(t);
  }, [q]);

  return (
    <div className="mb-4 flex flex-wrap items-center gap-2" data-pending={pending || undefined}>
      <div className="relative w-full sm:w-64">
        <Search
          className="pointer-events-none absolute top-2.5 left-2.5 size-4 text-muted-foreground"
          aria-hidden
        />
        <Input
          type="search"
          aria-label="Search"
          placeholder={placeholder}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          className="pl-8"
        />
      </div>
      {selects.map((s) => (
        <Select
          key={s.name}
          aria-label={s.label}
          value={params.get(s.name) ?? ''}
          onChange={(e) => update(s.name, e.target.value)}
          className="w-auto min-w-36"
        >
          <option value="">{s.label}: all</option>
          {s.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </Select>
      ))}
      {active && (
        <Button type="button" variant="ghost" size="sm" onClick={clearAll}>
          <X aria-hidden /> Clear filters
        </Button>
      )}
    </div>
  );
}
