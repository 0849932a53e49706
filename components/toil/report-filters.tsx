'use client';

import { Download } from 'lucide-react';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Input, Label, Select } from '@/components/ui/input';
import { addDays, weekKey } from '@/lib/toil/periods';
import type { Option } from './types';

const PRESETS = [
  { weeks: 4, label: '4 weeks' },
  { weeks: 8, label: '8 weeks' },
  { weeks: 13, label: 'Quarter' },
  { weeks: 26, label: '6 months' },
];

/** Team and date range of a toil report, kept in the URL; export links carry the same filter. */
export function ReportFilters({
  teams,
  team,
  from,
  to,
  today,
  exportable,
}: {
  teams: Option[];
  team: string;
  from: string;
  to: string;
  today: string;
  /** The reader may export entries (engineers their teams', admins all). */
  exportable: boolean;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();

  function update(patch: Record<string, string>) {
    const next = new URLSearchParams(params.toString());
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    for (const k of ['sort', 'dir']) next.delete(k);
    startTransition(() => router.replace(`${pathname}?${next.toString()}`, { scroll: false }));
  }

  const exportQuery = new URLSearchParams({ ...(team ? { team } : {}), from, to });
  return (
    <div className="no-print mb-6 flex flex-wrap items-end gap-3" data-pending={pending || undefined}>
      <div className="grid gap-1.5">
        <Label htmlFor="report-team">Team</Label>
        <Select
          id="report-team"
          value={team}
          onChange={(e) => update({ team: e.target.value })}
          className="w-44"
        >
          <option value="">All teams</option>
          {teams.map((t) => (
            <option key={t.value} value={t.value}>
              {t.label}
            </option>
          ))}
        </Select>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="report-from">From</Label>
        <Input
          id="report-from"
          type="date"
          value={from}
          max={to}
          onChange={(e) => e.target.value && update({ from: e.target.value })}
          className="w-40"
        />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="report-to">To</Label>
        <Input
          id="report-to"
          type="date"
          value={to}
          min={from}
          max={today}
          onChange={(e) => e.target.value && update({ to: e.target.value })}
          className="w-40"
        />
      </div>
      <fieldset className="flex flex-wrap gap-1" aria-label="Range presets">
        {PRESETS.map((p) => {
          const presetFrom = addDays(weekKey(today), -7 * (p.weeks - 1));
          const active = from === presetFrom && to === today;
          return (
            <Button
              key={p.weeks}
              type="button"
              size="sm"
              variant={active ? 'default' : 'outline'}
              aria-pressed={active}
              onClick={() => update({ from: presetFrom, to: today })}
            >
              {p.label}
            </Button>
          );
        })}
      </fieldset>
      {exportable && (
        <div className="ml-auto flex gap-1">
          <Button asChild size="sm" variant="outline">
            <a href={`/toil/export?format=csv&${exportQuery}`} download>
              <Download aria-hidden /> CSV
            </a>
          </Button>
          <Button asChild size="sm" variant="outline">
            <a href={`/toil/export?format=json&${exportQuery}`} download>
              <Download aria-hidden /> JSON
            </a>
          </Button>
        </div>
      )}
    </div>
  );
}
