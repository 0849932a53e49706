'use client';

import { History, Loader2, Pencil, Trash2 } from 'lucide-react';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { formatMinutes } from '@/lib/toil/minutes';
import { cn } from '@/lib/utils';
import type { RecentEntry } from './types';

const AUTOMATABLE_LABEL = { none: null, partial: 'partly automatable', full: 'automatable' } as const;

/** "My recent entries": newest first, optimistic rows greyed until the server confirms them. */
export function RecentEntries({
  entries,
  refreshing,
  onDelete,
}: {
  entries: RecentEntry[];
  refreshing: boolean;
  onDelete: (entry: RecentEntry) => void;
}) {
  return (
    <Card>
      <CardHeader className="flex-row items-center justify-between">
        <div className="grid gap-1">
          <CardTitle>My recent entries</CardTitle>
          <CardDescription>
            What you logged last. Undo from the notification, or edit and delete here.
          </CardDescription>
        </div>
        {refreshing && (
          <Loader2 className="size-4 animate-spin text-muted-foreground" aria-label="Refreshing" />
        )}
      </CardHeader>
      <CardContent>
        {entries.length === 0 ? (
          <div className="flex items-center gap-3 rounded-md border border-dashed px-4 py-6 text-sm text-muted-foreground">
            <History className="size-5" aria-hidden />
            Nothing logged yet. Type a task above and press Enter.
          </div>
        ) : (
          <ul className="divide-y" aria-label="My recent entries" data-testid="recent-entries">
            {entries.map((entry) => (
              <li
                key={entry.id}
                data-testid="recent-entry"
                aria-busy={entry.pending || undefined}
                className={cn(
                  'flex flex-wrap items-center gap-x-3 gap-y-1 py-2.5',
                  entry.pending && 'opacity-60',
                )}
              >
                <span className="w-24 shrink-0 text-sm text-muted-foreground tabular-nums">{entry.date}</span>
                <span className="min-w-0 flex-1">
                  <span className="block truncate font-medium">{entry.task}</span>
                  <span className="flex flex-wrap items-center gap-1.5 text-xs text-muted-foreground">
                    {entry.categoryName}
                    {entry.serviceName && <span>· {entry.serviceName}</span>}
                    {entry.interrupt && <Badge variant="warning">interrupt</Badge>}
                    {entry.afterHours && <Badge variant="critical">after hours</Badge>}
                    {AUTOMATABLE_LABEL[entry.automatable] && (
                      <Badge variant="primary">{AUTOMATABLE_LABEL[entry.automatable]}</Badge>
                    )}
                  </span>
                </span>
                <span className="w-16 text-right font-medium tabular-nums">
                  {formatMinutes(entry.minutes)}
                </span>
                {entry.pending ? (
                  <span className="w-[4.5rem] text-right text-xs text-muted-foreground">Saving…</span>
                ) : (
                  <span className="flex w-[4.5rem] justify-end gap-1">
                    <Button asChild variant="ghost" size="icon" className="size-8">
                      <Link href={`/toil/entries/${entry.id}`} aria-label={`Edit ${entry.task}`}>
                        <Pencil aria-hidden />
                      </Link>
                    </Button>
                    <Button
                      variant="ghost"
                      size="icon"
                      className="size-8 text-destructive"
                      aria-label={`Delete ${entry.task}`}
                      onClick={() => onDelete(entry)}
                    >
                      <Trash2 aria-hidden />
                    </Button>
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
