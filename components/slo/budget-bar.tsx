import { formatPercent } from '@/lib/format';
import { cn } from '@/lib/utils';

/** The colour of a remaining-budget fraction, by the default policy's tiers. */
function barColour(remaining: number): string {
  if (remaining > 0.5) return 'bg-healthy';
  if (remaining > 0.25) return 'bg-warning';
  if (remaining > 0.05) return 'bg-critical';
  return 'bg-depleted';
}

/**
 * Error budget remaining as a bar and a number. An overspent budget (remaining < 0) is a full red,
 * hatched bar reading "overspent by 23.0%", never an empty grey one that looks like "no data";
 * no data is a dashed outline with "—".
 */
export function BudgetBar({
  remaining,
  className,
  barClassName,
}: {
  remaining: number | null;
  className?: string;
  /** Width of the track, e.g. 'w-20' (default) or 'flex-1' in a card. */
  barClassName?: string;
}) {
  const overspent = remaining !== null && remaining < 0;
  const pct = remaining === null ? 0 : overspent ? 100 : Math.min(1, remaining) * 100;
  const label =
    remaining === null
      ? 'Error budget: no data'
      : overspent
        ? `Error budget overspent by ${formatPercent(-remaining, 1)}`
        : `${formatPercent(remaining, 1)} of the error budget left`;
  return (
    <div
      className={cn('flex items-center gap-2', className)}
      data-testid="budget-bar"
      data-overspent={overspent || undefined}
      data-remaining={remaining ?? undefined}
      title={label}
    >
      <div
        className={cn(
          'h-1.5 shrink-0 overflow-hidden rounded-full',
          barClassName ?? 'w-20',
          remaining === null ? 'border border-dashed border-muted-foreground/60 bg-transparent' : 'bg-muted',
        )}
        aria-hidden
      >
        {remaining !== null && (
          <div
            className={cn(
              'h-full rounded-full',
              barColour(remaining),
              overspent &&
                'bg-[repeating-linear-gradient(135deg,transparent_0_3px,rgb(255_255_255/0.35)_3px_6px)]',
            )}
            style={{ width: `${pct}%` }}
            data-testid="budget-fill"
          />
        )}
      </div>
      {overspent ? (
        <span className="text-sm font-medium tabular-nums whitespace-nowrap text-depleted">
          overspent by {formatPercent(-remaining, 1)}
        </span>
      ) : (
        <span className="text-sm tabular-nums">{formatPercent(remaining, 1)}</span>
      )}
    </div>
  );
}
