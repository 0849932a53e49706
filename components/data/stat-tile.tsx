import type * as React from 'react';
import { Card, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { cn } from '@/lib/utils';

/**
 * One headline number with its label and a line of context — the tiles on top of the SLO
 * detail page, the toil report and the home page. `tone` colours the value (e.g. 'text-depleted').
 */
export function StatTile({
  label,
  value,
  sub,
  tone,
  badge,
  size = 'md',
  testId,
  className,
}: {
  label: string;
  value: React.ReactNode;
  sub?: React.ReactNode;
  tone?: string;
  /** Shown beside the label (a status badge, a help link). */
  badge?: React.ReactNode;
  /** 'md' for a row of five tiles, 'lg' for a row of three. */
  size?: 'md' | 'lg';
  testId?: string;
  className?: string;
}) {
  return (
    <Card data-testid={testId} className={className}>
      <CardHeader>
        <CardDescription className={badge ? 'flex items-center justify-between gap-2' : undefined}>
          {label} {badge}
        </CardDescription>
        <CardTitle className={cn('tabular-nums', size === 'lg' ? 'text-3xl' : 'text-2xl', tone)}>
          {value}
        </CardTitle>
        {sub && <p className="text-xs text-muted-foreground">{sub}</p>}
      </CardHeader>
    </Card>
  );
}
