import { Badge } from '@/components/ui/badge';
import { alertTierLabel } from '@/lib/slo/alerts';
import { type SloStatus, STATUS_LABELS } from '@/lib/slo/policy';

const VARIANT = {
  healthy: 'healthy',
  warning: 'warning',
  critical: 'critical',
  depleted: 'depleted',
  unknown: 'default',
} as const;

const times = (burn: number) => `${burn >= 10 ? burn.toFixed(0) : burn.toFixed(1)}×`;

/**
 * The budget's status tier; while a page alert fires, also the burn beside it
 * ("Healthy · burning 30×"), so a paging SLO never reads as simply healthy.
 */
export function StatusBadge({
  status,
  burn = null,
  muted = false,
}: {
  status: SloStatus;
  burn?: number | null;
  /** Neutral colours, e.g. beside a count of zero: "0 critical" is nothing to alarm about. */
  muted?: boolean;
}) {
  const paging = burn !== null && Number.isFinite(burn);
  return (
    <Badge
      variant={paging ? 'depleted' : muted ? 'default' : VARIANT[status]}
      data-status={status}
      data-paging={paging || undefined}
      title={paging ? 'A page-severity burn-rate alert is firing' : undefined}
    >
      <span className="size-1.5 rounded-full bg-current" aria-hidden />
      {STATUS_LABELS[status]}
      {paging && ` · burning ${times(burn)}`}
    </Badge>
  );
}

/** A firing burn-rate alert, named by what it means ("Page (fast burn)"), never "T1". */
export function AlertBadge({ severity, tier }: { severity: 'page' | 'ticket'; tier: number }) {
  return (
    <Badge
      variant={severity === 'page' ? 'depleted' : 'warning'}
      title={`Burn-rate alert firing (alert tier ${tier} of 4, ${severity === 'page' ? 'pages on-call' : 'opens a ticket'})`}
      data-alert-tier={tier}
    >
      {alertTierLabel(tier, severity)}
    </Badge>
  );
}
